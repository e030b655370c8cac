#!/usr/bin/env bash
# What a crate pays to depend on baobiao, by feature set, next to serde + serde_json +
# schemars on the same structs: crates compiled and a cold debug build (wall clock and CPU,
# user + system), each in a fresh target directory with the registry already downloaded.
# Prints the README's table. Usage: benches/build-cost/measure.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

# The same two structs for every crate: a row of three counts and a form of two rows.
baobiao_structs='
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Visits {
    #[form(label = "上半年")]
    pub first_half: Count,
    #[form(label = "下半年")]
    pub second_half: Count,
    #[form(label = "全年", total(id = "YEAR-TOTAL"))]
    pub year: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Survey {
    #[form(label = "老年人")]
    pub elderly: Visits,
    #[form(label = "儿童")]
    pub children: Visits,
}

fn main() {
    let survey: Survey = serde_json::from_str(&std::env::args().nth(1).unwrap_or_default()).unwrap();
    println!("{} {}", survey.check().is_ok(), baobiao::schema::root::<Survey>());
}
'
plain_structs='
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, JsonSchema)]
pub struct Visits {
    pub first_half: Option<u64>,
    pub second_half: Option<u64>,
    pub year: Option<u64>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
pub struct Survey {
    pub elderly: Visits,
    pub children: Visits,
}

fn main() {
    let survey: Survey = serde_json::from_str(&std::env::args().nth(1).unwrap_or_default()).unwrap();
    println!("{} {}", survey.elderly.year.is_some(), schemars::schema_for!(Survey).as_value());
}
'

# name | dependencies | source
crate() {
  local name="$1" deps="$2" source="$3"
  mkdir -p "$work/$name/src"
  cat > "$work/$name/Cargo.toml" <<TOML
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
$deps

[workspace]
TOML
  printf '%s\n' "$source" > "$work/$name/src/main.rs"
  # The versions the repository is tested with.
  cp "$root/Cargo.lock" "$work/$name/Cargo.lock"
}

crate derive-only "baobiao = { path = \"$root\", default-features = false, features = [\"derive\"] }" "$baobiao_structs"
crate derive-read "baobiao = { path = \"$root\", default-features = false, features = [\"derive\", \"read\"] }" "$baobiao_structs"
crate derive-render "baobiao = { path = \"$root\", default-features = false, features = [\"derive\", \"render\"] }" "$baobiao_structs"
crate default "baobiao = { path = \"$root\" }" "$baobiao_structs"
crate serde-schemars 'schemars = "1"' "$plain_structs"

echo "| dependency | crates compiled | cold build, wall | cold build, CPU |"
echo "|---|---:|---:|---:|"
for name in serde-schemars derive-only derive-read derive-render default; do
  dir="$work/$name"
  rm -rf "$dir/target"
  (cd "$dir" && cargo fetch --quiet)
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$dir/time" cargo build --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target" 2> "$dir/build.log"
  end=$(date +%s.%N)
  # Every package cargo compiled, the crate itself included.
  crates=$(grep -c '^ *Compiling ' "$dir/build.log")
  read -r user sys < "$dir/time"
  printf '| %s | %d | %.0f s | %.0f s |\n' "$name" "$crates" "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)"
done
