//! The exploration parts, loaded after the first advice.
//!
//! The first advice needs only the questions, the weights, the advice, why and the options.
//! Everything the citizen explores afterwards (scenarios side by side and over time, the chart,
//! the trade-off questions, sharing and the summary for an employee) is compiled into a wasm
//! chunk of its own, `explore` ([`explore_parts`], split off by the build with
//! `wasm_split_cli_support`; on native targets it is an ordinary function). The chunk is
//! fetched once per page, for every advisor on it, as soon as the first advice is on screen
//! ([`load_explore`]).
//!
//! Until it is there, each part shows nothing ([`Lazy`]); if it cannot be fetched (no network,
//! a missing file), the part says so with a button to try again, and everything above keeps
//! working. A view is always first rendered empty and fills in right after it is mounted, so a
//! page rendered to HTML at build time (where nothing is loaded) hydrates without a mismatch.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::i18n::Key;
use crate::state::{AdvisorState, Mode};

/// Builds one part of the advisor's view.
pub type Part = fn(AdvisorState) -> AnyView;

/// The views in the `explore` chunk.
#[derive(Clone, Copy)]
pub struct ExploreParts {
    /// Below the advice: scenarios side by side.
    pub compare: Part,
    /// Below the advice: scenarios over time.
    pub timeline: Part,
    /// Below the advice: the tipping-point chart.
    pub chart: Part,
    /// Below the advice: the link and saving on this device.
    pub share: Part,
    /// The trade-off questions in the weight panel, while their `<details>` is open (the
    /// signal); they are made from the situation at the moment it opens.
    pub trade_off: fn(AdvisorState, Signal<bool>) -> AnyView,
    /// "Liever met iemand praten?": the summary for an employee.
    pub summary: Part,
}

/// The chunk could not be fetched or started (the browser's console has the details).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[wasm_split(explore, fallible, wasm_split_path = ::leptos::wasm_split)]
fn explore_parts() -> Result<ExploreParts, ChunkFailed> {
    Ok(ExploreParts {
        compare: |state| leptos::view! { <crate::compare::CompareSection state /> }.into_any(),
        timeline: |state| leptos::view! { <crate::timeline::TimelineSection state /> }.into_any(),
        chart: |state| leptos::view! { <crate::chart::TippingChart state /> }.into_any(),
        share: |state| leptos::view! { <crate::handover::ShareSection state /> }.into_any(),
        trade_off: |state, open| {
            leptos::view! { <crate::trade_off::TradeOffQuestions state open /> }.into_any()
        },
        summary: |state| leptos::view! { <crate::handover::SummaryView state /> }.into_any(),
    })
}

/// Where the `explore` chunk is.
#[derive(Clone, Copy)]
pub enum Chunk {
    /// Not asked for yet, or on its way.
    Waiting,
    /// Loaded: its views can be built.
    Ready(ExploreParts),
    /// The last attempt failed; [`load_explore`] tries again.
    Failed,
}

thread_local! {
    static EXPLORE: ArcRwSignal<Chunk> = ArcRwSignal::new(Chunk::Waiting);
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// The state of the `explore` chunk (reactive).
fn explore() -> ArcRwSignal<Chunk> {
    EXPLORE.with(Clone::clone)
}

/// Fetches the `explore` chunk when the browser is idle (the first advice is on screen by
/// then), unless it is loaded or on its way.
pub fn load_explore_when_idle() {
    request_idle_callback(load_explore);
}

/// Fetches the `explore` chunk, unless it is loaded or on its way. After a failure it tries
/// again. Only in the browser: a page rendered at build time stays without it.
pub fn load_explore() {
    if LOADING.get() || matches!(explore().get_untracked(), Chunk::Ready(_)) {
        return;
    }
    LOADING.set(true);
    let chunk = explore();
    chunk.set(Chunk::Waiting);
    leptos::task::spawn_local(async move {
        let result = explore_parts().await;
        LOADING.set(false);
        chunk.set(match result {
            Ok(parts) => Chunk::Ready(parts),
            Err(ChunkFailed) => Chunk::Failed,
        });
    });
}

/// One part from the `explore` chunk: empty until it is loaded, a notice with a way to try
/// again if it failed (unless `quiet`: another part on the page already says so).
#[component]
pub fn Lazy(
    state: AdvisorState,
    /// Builds the part from the loaded [`ExploreParts`].
    render: impl Fn(&ExploreParts, AdvisorState) -> AnyView + Send + Sync + 'static,
    /// On failure show nothing (the notice below the advice covers it).
    #[prop(optional)]
    quiet: bool,
    /// While it loads, say this (a part the citizen asked for, like the summary).
    #[prop(optional)]
    waiting: Option<Key>,
    /// Build it this many frames after the chunk is there (0: at once). Parts below the advice
    /// take turns, so no single task builds them all.
    #[prop(optional)]
    stage: u32,
) -> impl IntoView {
    // Empty at first, as the page rendered at build time has it; filled in once mounted.
    let mounted = RwSignal::new(false);
    let turn = RwSignal::new(stage == 0);
    let chunk = explore();
    let ready = chunk.clone();
    Effect::new(move |_| {
        if mounted.try_set(true).is_some() {
            return; // the view is gone already
        }
        if stage > 0
            && matches!(ready.get(), Chunk::Ready(_))
            && turn.try_get_untracked() == Some(false)
        {
            let wait = std::time::Duration::from_millis(16 * u64::from(stage));
            set_timeout(
                move || {
                    let _ = turn.try_set(true);
                },
                wait,
            );
        }
    });
    move || {
        if !mounted.get() {
            return ().into_any();
        }
        match chunk.get() {
            Chunk::Ready(parts) if turn.get() => render(&parts, state),
            Chunk::Ready(_) => ().into_any(),
            Chunk::Failed if !quiet => view! { <ChunkFailedNotice state /> }.into_any(),
            Chunk::Waiting => match waiting {
                Some(key) => view! {
                    <p class="adv-chunk-waiting" role="status">{move || state.t(key)}</p>
                }
                .into_any(),
                None => ().into_any(),
            },
            Chunk::Failed => ().into_any(),
        }
    }
}

/// "Dit deel kon niet laden", with a button that tries again.
#[component]
fn ChunkFailedNotice(state: AdvisorState) -> impl IntoView {
    view! {
        <div class="adv-alert adv-alert--warning adv-chunk-failed" role="alert" data-testid="chunk-failed">
            <p class="adv-alert__title">{move || state.t(Key::ChunkFailedTitle)}</p>
            <p>{move || state.t(Key::ChunkFailedBody)}</p>
            <button
                type="button"
                class="adv-button adv-button--secondary"
                data-testid="chunk-retry"
                on:click=move |_| load_explore()
            >
                {move || state.t(Key::ChunkRetry)}
            </button>
            // In place of the summary: the way back to the advice.
            {move || (state.mode.get() == Mode::Summary).then(|| view! {
                <button
                    type="button"
                    class="adv-button adv-button--secondary"
                    on:click=move |_| state.mode.set(Mode::Explore)
                >
                    {move || state.t(Key::BackToAdvisor)}
                </button>
            })}
        </div>
    }
}
