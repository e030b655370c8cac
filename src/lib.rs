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
