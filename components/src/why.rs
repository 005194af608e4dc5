//! "Waarom dit advies?": the explanation in plain words, from the engine's analysis: the
//! decisive factors, how solid the advice is, and the nearest tipping points.

use advies_engine::explain::explain;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::AdvisorState;

/// The explanation panel, shown beside the advice.
#[component]
pub fn WhyPanel(state: AdvisorState) -> impl IntoView {
    let explanation = Memo::new(move |_| {
        let a = state.advisor();
        let lang = state.lang.get();
        let an = state.analysis.get()?;
        state
            .evaluation
            .with(|r| r.as_ref().ok().map(|ev| explain(&a, ev, &an, lang)))
    });
    move || {
        explanation.get().map(|ex| {
            let tag = if ex.borderline {
                Key::BorderlineTag
            } else {
                Key::SolidTag
            };
            let class = if ex.borderline {
                "adv-tag adv-tag--borderline"
            } else {
                "adv-tag adv-tag--solid"
            };
            let tipping = ex.tipping.clone();
            let has_tipping = !tipping.is_empty();
            view! {
                <section class="adv-why" aria-labelledby="why-title" data-testid="why">
                    <h3 class="adv-heading-3" id="why-title">{state.t(Key::WhyHeading)}</h3>
                    <p>
                        <span class=class data-testid="solidity">{state.t(tag)}</span>
                        " "
                        {ex.solidity.clone()}
                    </p>
                    <p data-testid="why-text">{ex.why.clone()}</p>
                    {has_tipping.then(|| view! {
                        <h4 class="adv-heading-4">{state.t(Key::TippingHeading)}</h4>
                        <ul class="adv-why__tipping" data-testid="tipping-sentences">
                            {tipping.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })
    }
}
