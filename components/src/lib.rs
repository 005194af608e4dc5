//! Leptos components over engine types: thin views, no business rules. Every figure, ranking
//! and eligibility comes from `advies_engine`; this crate only shows it.
//!
//! Start at [`AdvisorPage`] (standalone page), [`AdvisorWidget`] (one advisor as a widget in a
//! host page's element, e.g. a shadow root: touches nothing outside it, reports
//! [`WidgetEvent`]s) or [`AdvisorView`] (one advisor inside one `<div class="adv-root">`, shared
//! by both). Interface strings come from the engine's catalogue, through [`i18n`]; how
//! figures are written in [`display`].

pub mod advice;
pub mod chart;
pub mod compare;
pub mod cssom;
pub mod display;
pub mod embed;
pub mod gallery;
pub mod handover;
pub mod i18n;
pub mod lang_switch;
pub mod lazy;
pub mod options;
pub mod page;
#[cfg(feature = "playground")]
pub mod playground;
pub mod questions;
pub mod scenarios;
pub mod sources;
pub mod state;
pub mod storage;
pub mod timeline;
pub mod trade_off;
pub mod ui;
pub mod visible;
pub mod weights;
pub mod why;

pub use advice::{AdviceAnnouncer, AdviceSection, AdviceSummary};
pub use chart::TippingChart;
pub use embed::{AdvisorWidget, WidgetEvent, WidgetOptions};
pub use gallery::{Gallery, GalleryEntry};
pub use lang_switch::LangSwitch;
pub use options::{HowWeCompare, OptionList};
pub use page::{AdvisorPage, AdvisorView, DefinitionErrorPage};
pub use questions::{ChoiceQuestion, NumberQuestion, QuestionList, YesNoQuestion};
pub use sources::SourceList;
pub use state::AdvisorState;
pub use weights::WeightPanel;
pub use why::WhyPanel;
