#![doc = include_str!("../README.md")]

// Lets the official forms in this crate use the derive, whose generated code names `::baobiao`.
extern crate self as baobiao;

pub use baobiao_core::*;
#[cfg(feature = "derive")]
pub use baobiao_macros::{Choice, Form};

#[cfg(feature = "forms")]
pub mod forms;

#[cfg(feature = "cli")]
pub mod cli;

#[doc(hidden)]
pub use baobiao_core::__private;

/// A [`FormSet`](set::FormSet) of the forms named, each under the name and title it declares
/// (`#[form(name = "..", label = "..")]`, else its type's name in kebab case): the one line a
/// developer's own command line needs.
///
/// ```no_run
/// # #[derive(baobiao::Form, serde::Serialize, serde::Deserialize)]
/// # #[form(name = "visits", label = "访问量调查表")]
/// # struct Visits { visits: baobiao::Count }
/// fn main() -> std::process::ExitCode {
///     baobiao::cli::run(baobiao::forms![Visits, baobiao::forms::website::WebsiteReport])
/// }
/// ```
#[macro_export]
macro_rules! forms {
    ($($form:ty),* $(,)?) => {
        $crate::set::FormSet::new() $(.add::<$form>())*
    };
}
