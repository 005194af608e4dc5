//! Leptos components over engine types.
