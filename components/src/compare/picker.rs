//! With more scenarios than fit side by side: a checkbox per scenario to pick the columns.

use leptos::prelude::*;

use super::MAX_COLUMNS;

/// A checkbox per scenario name; at least one and at most [`MAX_COLUMNS`] stay checked.
/// `chosen` is the columns shown, `picked` the citizen's choice.
pub(super) fn pick_boxes(
    names: Vec<String>,
    chosen: Memo<Vec<usize>>,
    picked: RwSignal<Option<Vec<usize>>>,
) -> impl IntoView {
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let id = format!("compare-pick-{i}");
            let checked = move || chosen.with(|c| c.contains(&i));
            let full = move || chosen.with(|c| c.len() >= MAX_COLUMNS && !c.contains(&i));
            view! {
                <label class="adv-check" for=id.clone()>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=checked
                        aria-disabled=move || full().to_string()
                        on:click=move |ev| {
                            let mut c = chosen.get_untracked();
                            if let Some(pos) = c.iter().position(|&x| x == i) {
                                if c.len() > 1 {
                                    c.remove(pos);
                                } else {
                                    ev.prevent_default();
                                }
                            } else if c.len() < MAX_COLUMNS {
                                c.push(i);
                                c.sort_unstable();
                            } else {
                                ev.prevent_default();
                            }
                            picked.set(Some(c));
                        }
                    />
                    {name}
                </label>
            }
        })
        .collect_view()
}
