//! Reusable view pieces used by several page sections: the form around a radio group, badges
//! and figures. The page sections themselves are the crate's top-level modules.

pub mod inline;
pub mod radio_form;

pub use inline::{figure, illustrative_badge};
pub use radio_form::RadioForm;
