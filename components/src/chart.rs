//! The tipping-point chart: for one numeric question, each option's monthly cost (or score,
//! when several factors count) across the question's range, the winning region of each option
//! shaded and lettered, tipping points marked with their values, and the citizen's current
//! value as a line. Drawn by plotters as SVG, wrapped in a figure with a title, a one-sentence
//! summary and a data table. The engine decides what to plot (`advies_engine::chart`); this
//! file only draws it.

use advies_engine::chart::{ChartData, Metric, chart_data, chartable_inputs, default_input};
use advies_engine::explain::{chart_summary, input_axis_label, input_value};
use advies_engine::{Advisor, Lang};
use leptos::prelude::*;
use plotters::prelude::*;

use crate::display;
use crate::i18n::{Key, t};
use crate::state::AdvisorState;

/// Colours of the options' lines and regions (NL Design System-like, distinguishable, and
/// never the only cue: every line and region also carries its letter).
const PALETTE: [RGBColor; 8] = [
    RGBColor(0x01, 0x68, 0x9B),
    RGBColor(0xCA, 0x00, 0x5D),
    RGBColor(0x39, 0x87, 0x0C),
    RGBColor(0xE1, 0x70, 0x00),
    RGBColor(0x67, 0x33, 0x27),
    RGBColor(0x42, 0x14, 0x5F),
    RGBColor(0x00, 0x7B, 0xC7),
    RGBColor(0x77, 0x76, 0x00),
];

/// The letter of option `o` (A, B, ...; then A2, B2, ...).
pub fn letter(o: usize) -> String {
    let l = char::from(b'A' + (o % 26) as u8);
    if o < 26 {
        l.to_string()
    } else {
        format!("{l}{}", o / 26 + 1)
    }
}

/// Width and height of the SVG's coordinate system (it scales with the page).
pub const SIZE: (u32, u32) = (600, 360);
/// A narrower coordinate system for phones, so that text stays readable at 320 px.
pub const SIZE_NARROW: (u32, u32) = (360, 300);

/// The coordinate system for a viewport `width` pixels wide.
pub fn size_for(width: f64) -> (u32, u32) {
    if width < 600.0 { SIZE_NARROW } else { SIZE }
}

/// What one SVG layer holds: the frame (background, grid, axes and their labels) changes only
/// with the question, the value range and the language; the data (regions, lines, tipping
/// points, the current value) with every change. Drawn separately and stacked, a change
/// replaces only the data layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Background, grid, axes, axis labels.
    Frame,
    /// Regions, lines, tipping points, the current value.
    Data,
}

/// Draws the whole chart (both layers in one SVG) in a `size` coordinate system.
pub fn render_svg(advisor: &Advisor, data: &ChartData, lang: Lang, size: (u32, u32)) -> String {
    let frame = render_layer(advisor, data, lang, size, Layer::Frame);
    let data = render_layer(advisor, data, lang, size, Layer::Data);
    // The data layer's elements go inside the frame's <svg>.
    let inner = data
        .split_once('>')
        .map(|(_, rest)| rest.trim_end().trim_end_matches("</svg>").to_string())
        .unwrap_or_default();
    match frame.rfind("</svg>") {
        Some(end) => format!("{}{}{}", &frame[..end], inner, &frame[end..]),
        None => frame,
    }
}

/// Draws one layer as an SVG string in a `size` coordinate system, scaling with its container.
pub fn render_layer(
    advisor: &Advisor,
    data: &ChartData,
    lang: Lang,
    size: (u32, u32),
    layer: Layer,
) -> String {
    let mut svg = String::new();
    let _ = draw(&mut svg, advisor, data, lang, size, layer);
    // Scale with the container: plotters writes a viewBox already; the fixed width and
    // height go.
    svg.replacen(
        &format!("width=\"{}\" height=\"{}\"", size.0, size.1),
        "preserveAspectRatio=\"xMidYMid meet\"",
        1,
    )
}

/// The value range of the y axis: euro from 0 to the highest line (+12 % room for the region
/// letters); a score always 0..100 (+12 %), so the frame stays the same when weights change.
fn y_range(data: &ChartData) -> (f64, f64) {
    if data.metric == Metric::Score {
        return (0.0, 112.0);
    }
    let ys = data.lines.iter().flatten().flatten().copied();
    let (mut y0, mut y1) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !y0.is_finite() {
        (y0, y1) = (0.0, 1.0);
    }
    y0 = y0.min(0.0);
    if y1 - y0 < 1e-9 {
        y1 = y0 + 1.0;
    }
    (y0, y1 + (y1 - y0) * 0.12)
}

fn draw(
    out: &mut String,
    advisor: &Advisor,
    data: &ChartData,
    lang: Lang,
    size: (u32, u32),
    layer: Layer,
) -> Result<(), Box<dyn std::error::Error>> {
    let Some(inp) = advisor.inputs.get(data.input) else {
        return Ok(());
    };
    let (x0, x1) = (inp.min, inp.max);
    let (y0, y1) = y_range(data);
    let root = SVGBackend::with_string(out, size).into_drawing_area();
    if layer == Layer::Frame {
        root.fill(&WHITE)?;
    }
    let font = ("sans-serif", 17).into_font();
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(62)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let euro = data.metric == Metric::Headline;
    let x_fmt = |v: &f64| display::plain_number(*v, lang);
    let y_fmt = |v: &f64| {
        if euro {
            format!("€{}", display::plain_number(v.round(), lang))
        } else {
            display::plain_number(v.round(), lang)
        }
    };
    if layer == Layer::Frame {
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(RGBColor(0xE6, 0xE6, 0xE6))
            .x_labels(6)
            .y_labels(5)
            .x_label_formatter(&x_fmt)
            .y_label_formatter(&y_fmt)
            .label_style(font.clone())
            .axis_style(RGBColor(0x55, 0x55, 0x55))
            .draw()?;
        root.present()?;
        return Ok(());
    }
    // Winning regions, shaded and lettered.
    for r in &data.regions {
        let Some(o) = r.best else { continue };
        let c = PALETTE[o % PALETTE.len()];
        let (a, b) = (r.from - inp.step / 2.0, r.to + inp.step / 2.0);
        let (a, b) = (a.max(x0), b.min(x1));
        chart.draw_series(std::iter::once(Rectangle::new(
            [(a, y0), (b, y1)],
            c.mix(0.10).filled(),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            letter(o),
            ((a + b) / 2.0, y1 - (y1 - y0) * 0.02),
            ("sans-serif", 20)
                .into_font()
                .style(FontStyle::Bold)
                .color(&c),
        )))?;
    }
    // One line per option; a gap where the option is not possible.
    for (o, line) in data.lines.iter().enumerate() {
        let c = PALETTE[o % PALETTE.len()];
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut last = None;
        for (x, v) in data.xs.iter().zip(line) {
            match v {
                Some(v) => {
                    segment.push((*x, *v));
                    last = Some((*x, *v));
                }
                None if !segment.is_empty() => {
                    chart.draw_series(LineSeries::new(
                        std::mem::take(&mut segment),
                        c.stroke_width(3),
                    ))?;
                }
                None => {}
            }
        }
        if !segment.is_empty() {
            chart.draw_series(LineSeries::new(segment, c.stroke_width(3)))?;
        }
        if let Some((x, v)) = last {
            chart.draw_series(std::iter::once(Text::new(
                letter(o),
                (x, v),
                font.clone().color(&c),
            )))?;
        }
    }
    // Tipping points: dashed lines with their value.
    for tp in &data.tipping_points {
        let x = tp.at - inp.step / 2.0;
        chart.draw_series(DashedLineSeries::new(
            vec![(x, y0), (x, y1)],
            6,
            4,
            RGBColor(0x33, 0x33, 0x33).stroke_width(2),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            display::plain_number(tp.at, lang),
            (x, y0 + (y1 - y0) * 0.06),
            ("sans-serif", 16)
                .into_font()
                .color(&RGBColor(0x33, 0x33, 0x33)),
        )))?;
    }
    // The citizen's current value.
    let now = RGBColor(0x15, 0x42, 0x73);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(data.current, y0), (data.current, y1)],
        now.stroke_width(4),
    )))?;
    chart.draw_series(std::iter::once(Text::new(
        t(Key::ChartYou, lang).to_string(),
        (data.current, y1 - (y1 - y0) * 0.10),
        ("sans-serif", 17)
            .into_font()
            .style(FontStyle::Bold)
            .color(&now),
    )))?;
    root.present()?;
    Ok(())
}

/// The chart with its question picker, summary and data table.
#[component]
pub fn TippingChart(state: AdvisorState) -> impl IntoView {
    let chosen: RwSignal<Option<usize>> = RwSignal::new(None);
    let table_open = RwSignal::new(false);
    // The question shown: the citizen's pick; else the one shown before (the chart does not
    // jump to another question while the citizen moves a slider); else, at first, the question
    // closest to flipping the advice.
    let data = Memo::new(move |prev: Option<&Option<ChartData>>| {
        let a = state.advisor();
        let sc = state.scenario.get();
        let ev = state.evaluation.get().ok()?;
        let an = state.analysis.get()?;
        let inputs = chartable_inputs(&a, &ev);
        let shown_before = prev.and_then(|p| p.as_ref()).map(|d| d.input);
        let input = chosen
            .get()
            .filter(|i| inputs.contains(i))
            .or_else(|| shown_before.filter(|i| inputs.contains(i)))
            .or_else(|| default_input(&a, &ev, &an))?;
        Some(chart_data(&a, &sc, &ev, &an, input))
    });
    let choices = Memo::new(move |_| {
        let a = state.advisor();
        state.evaluation.with(|r| {
            r.as_ref()
                .map(|ev| chartable_inputs(&a, ev))
                .unwrap_or_default()
        })
    });
    let on_pick = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            chosen.set(Some(i));
        }
    };
    // Each part of the figure follows only what it shows, so a change that leaves the chart
    // the same touches nothing, and one that changes it replaces the SVG and the summary
    // sentence, not the picker, caption, legend and table.
    let has_data = move || data.with(Option::is_some);
    let shown = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| (d.input, d.metric))));
    // Sized when drawn, from the viewport (in a widget: from the advisor's own width; no
    // resize listener: embeds add no global listeners); the next change redraws at the new
    // width.
    let layer = move |layer: Layer| {
        let lang = state.lang.get();
        let a = state.advisor();
        let width = state.drawing_width();
        data.with(|d| {
            d.as_ref()
                .map(|d| render_layer(&a, d, lang, size_for(width), layer))
        })
        .unwrap_or_default()
    };
    // Drawn only while the chart is (nearly) on screen: far below a slider the citizen moves,
    // it would redraw on every step for nobody. It catches up when it comes into view.
    let figure_ref = NodeRef::<leptos::html::Section>::new();
    let in_view = crate::visible::visible(figure_ref);
    let frame_svg = Memo::new(move |prev: Option<&String>| match in_view.get() {
        true => layer(Layer::Frame),
        false => prev.cloned().unwrap_or_default(),
    });
    let data_svg = Memo::new(move |prev: Option<&String>| match in_view.get() {
        true => layer(Layer::Data),
        false => prev.cloned().unwrap_or_default(),
    });
    let summary = Memo::new(move |_| {
        let lang = state.lang.get();
        let a = state.advisor();
        data.with(|d| d.as_ref().map(|d| chart_summary(&a, d, lang)))
            .unwrap_or_default()
    });
    let legend_options = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                (0..d.lines.len())
                    .filter(|&o| d.lines[o].iter().any(Option::is_some))
                    .collect::<Vec<usize>>()
            })
        })
    });
    let picker = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let input = shown.get().map(|s| s.0);
        picker_options(&a, choices.get(), input, lang)
    };
    let caption = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        let Some((input, metric)) = shown.get() else {
            return String::new();
        };
        caption_text(&a, input, metric, lang)
    };
    let legend = move || {
        let lang = state.lang.get();
        let a = state.advisor();
        legend_items(&a, legend_options.get(), lang)
    };
    // The table is built only while it is open: it has a row per value.
    let table = move || {
        if !table_open.get() {
            return None;
        }
        let lang = state.lang.get();
        let a = state.advisor();
        data.with(|d| d.as_ref().map(|d| data_table(&a, d, lang)))
    };
    view! {
        <section class="adv-section adv-chart" aria-labelledby="chart-title" node_ref=figure_ref>
            <h2 class="adv-heading-2" id="chart-title">{move || state.t(Key::ChartTitle)}</h2>
            <Show when=has_data>
                <div class="adv-chart__picker">
                    <label for="chart-input">{move || state.t(Key::ChartPick)}</label>
                    <select id="chart-input" class="adv-select" on:change=on_pick>{picker}</select>
                </div>
                <figure class="adv-chart__figure" aria-labelledby="chart-caption" aria-describedby="chart-summary">
                    <figcaption id="chart-caption" class="adv-chart__caption">{caption}</figcaption>
                    <div
                        class="adv-chart__svg"
                        class:adv-chart__svg--narrow=move || frame_svg.with(|s| s.contains("viewBox=\"0 0 360 300\""))
                        aria-hidden="true"
                    >
                        <div class="adv-chart__layer" inner_html=move || frame_svg.get()></div>
                        <div class="adv-chart__layer" inner_html=move || data_svg.get()></div>
                    </div>
                    <p id="chart-summary" class="adv-chart__summary" data-testid="chart-summary">
                        {move || summary.get()}
                    </p>
                    <ul class="adv-chart__legend">{legend}</ul>
                    <details
                        class="adv-details"
                        prop:open=move || table_open.get_untracked()
                        on:toggle=move |ev| {
                            let open = event_target::<leptos::web_sys::Element>(&ev).has_attribute("open");
                            table_open.set(open);
                        }
                    >
                        <summary class="adv-details__summary">{move || state.t(Key::ChartTable)}</summary>
                        {table}
                    </details>
                </figure>
            </Show>
        </section>
    }
}

/// An `<option>` per question the chart can show; `input` is the one shown.
fn picker_options(
    a: &Advisor,
    choices: Vec<usize>,
    input: Option<usize>,
    lang: Lang,
) -> impl IntoView + use<> {
    choices
        .into_iter()
        .map(|i| view! { <option value=i.to_string() selected=Some(i) == input>{display::input_label(a, i, lang)}</option> })
        .collect_view()
}

/// "Grafiek: kosten (€ per maand) (ritten per week)": what the axes show.
fn caption_text(a: &Advisor, input: usize, metric: Metric, lang: Lang) -> String {
    let y_label = if metric == Metric::Headline {
        a.def
            .factors
            .get_index(0)
            .map(|(_, f)| format!("{} ({})", f.label.get(lang), f.unit.get(lang)))
            .unwrap_or_default()
    } else {
        t(Key::ChartScoreAxis, lang).to_string()
    };
    let x_label = input_axis_label(a, input, lang);
    advies_engine::catalogue::chart_caption(lang, &y_label, &x_label)
}

/// The legend: a letter and a name per option on the chart, with its colour's class.
fn legend_items(a: &Advisor, options: Vec<usize>, lang: Lang) -> impl IntoView + use<> {
    options
        .into_iter()
        .map(|o| {
            // A class per colour, not an inline style: embeds run under a strict CSP.
            let class = format!("adv-chart__key adv-chart__key--{}", o % PALETTE.len());
            let name = a
                .def
                .options
                .get_index(o)
                .map(|(_, x)| x.label.get(lang).to_string())
                .unwrap_or_default();
            view! { <li class=class>{format!("{} = {}", letter(o), name)}</li> }
        })
        .collect_view()
}

/// The chart's numbers as a table: one row per value of the question.
fn data_table(a: &Advisor, d: &ChartData, lang: Lang) -> impl IntoView + use<> {
    let shown: Vec<usize> = (0..a.options.len())
        .filter(|&o| d.lines[o].iter().any(Option::is_some))
        .collect();
    let euro = d.metric == Metric::Headline;
    let head = shown
        .iter()
        .map(|&o| view! { <th scope="col">{a.def.options[o].label.get(lang).to_string()}</th> })
        .collect_view();
    let rows =
        d.xs.iter()
            .enumerate()
            .map(|(k, &x)| {
                let best = d
                    .regions
                    .iter()
                    .find(|r| x >= r.from - 1e-9 && x <= r.to + 1e-9)
                    .and_then(|r| r.best);
                let cells = shown
                    .iter()
                    .map(|&o| {
                        let text = match d.lines[o][k] {
                            Some(v) if euro => display::money(v, lang),
                            Some(v) => display::plain_number(v.round(), lang),
                            None => t(Key::NotEligibleTag, lang).to_string(),
                        };
                        view! { <td>{text}</td> }
                    })
                    .collect_view();
                let best_label = best
                    .map(|o| a.def.options[o].label.get(lang).to_string())
                    .unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{input_value(a, d.input, x, lang)}</th>
                        {cells}
                        <td>{best_label}</td>
                    </tr>
                }
            })
            .collect_view();
    view! {
        <div class="adv-table-scroll" tabindex="0" role="region" aria-label=t(Key::ChartTable, lang)>
            <table class="adv-table" data-testid="chart-table">
                <thead>
                    <tr>
                        <th scope="col">{input_axis_label(a, d.input, lang)}</th>
                        {head}
                        <th scope="col">{t(Key::BestTag, lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_lines_regions_and_labels() {
        let a = Advisor::parse(
            include_str!("../../advisors/ret/definition.toml"),
            "ret.toml",
        )
        .unwrap();
        let sc = a.default_scenario();
        let (ev, an) = a.analyse(&sc).unwrap();
        let d = chart_data(&a, &sc, &ev, &an, a.input_index("trips_per_week").unwrap());
        let svg = render_svg(&a, &d, Lang::Nl, SIZE);
        assert!(
            svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 600 360\""),
            "{}",
            &svg[..200.min(svg.len())]
        );
        assert!(svg.contains("<polyline"), "has lines");
        assert_eq!(svg.matches("viewBox").count(), 1);
        let texts: Vec<&str> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .and_then(|(_, rest)| rest.split("</text>").next())
            })
            .map(str::trim)
            .collect();
        assert!(texts.contains(&"jij"), "marks the current value: {texts:?}");
        assert!(
            texts.contains(&"11"),
            "labels the tipping point at 11: {texts:?}"
        );
        assert!(
            texts.contains(&"A") && texts.contains(&"D"),
            "letters the regions: {texts:?}"
        );
        assert_eq!(letter(0), "A");
        assert_eq!(letter(27), "B2");
    }
}
