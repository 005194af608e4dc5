//! Small inline views: badges (always text, never colour only) and figures.

use leptos::prelude::*;

/// `[data-testid="illustrative"]`: marks a figure that rests on an example amount.
pub fn illustrative_badge(text: &'static str) -> impl IntoView {
    view! {
        <span class="adv-badge adv-badge--illustrative" data-testid="illustrative">
            {text}
        </span>
    }
}

/// A figure as "amount unit", where the amount never breaks over two lines ("€ | 77,65").
/// Its text is exactly `amount + " " + unit`.
pub fn figure((amount, unit): (String, String)) -> impl IntoView {
    let unit = (!unit.is_empty()).then(|| format!(" {unit}"));
    view! { <span class="adv-nowrap">{amount}</span>{unit} }
}
