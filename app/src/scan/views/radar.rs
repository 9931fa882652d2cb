//! The radar chart of the six dimensions: SVG drawn on the server, labelled, with the numbers
//! also in a table next to it (screen readers and print get both).
use leptos::prelude::*;

const SIZE: f64 = 420.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 140.0;

fn point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / (n as f64);
    let r = RADIUS * value.clamp(0.0, 100.0) / 100.0;
    (CENTER + r * angle.cos(), CENTER + r * angle.sin())
}

fn polygon(values: &[f64]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, values.len(), *v);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `axes`: label and score per dimension.
#[component]
pub fn RadarChart(axes: Vec<(String, f64)>, #[prop(into)] title: String) -> impl IntoView {
    let n = axes.len().max(3);
    let values: Vec<f64> = axes.iter().map(|(_, v)| *v).collect();
    let rings = [25.0, 50.0, 75.0, 100.0].map(|r| polygon(&vec![r; n]));
    let labels = axes
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let (x, y) = point(i, n, 122.0);
            let anchor = if (x - CENTER).abs() < 1.0 { "middle" } else if x > CENTER { "start" } else { "end" };
            view! { <text x=format!("{x:.1}") y=format!("{y:.1}") text-anchor=anchor class="radar__label">{format!("{label} ({v:.0})")}</text> }
        })
        .collect_view();
    let spokes = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 100.0);
            view! { <line x1=CENTER y1=CENTER x2=format!("{x:.1}") y2=format!("{y:.1}") class="radar__spoke"/> }
        })
        .collect_view();
    view! {
        <svg class="radar" viewBox=format!("-110 0 {} {SIZE}", SIZE + 220.0) role="img" aria-labelledby="radar-title">
            <title id="radar-title">{title}</title>
            {rings.into_iter().map(|p| view! { <polygon points=p class="radar__ring"/> }).collect_view()}
            {spokes}
            <polygon points=polygon(&values) class="radar__shape"/>
            {labels}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_axis_points_up_and_scores_scale_with_the_radius() {
        let (x, y) = point(0, 6, 100.0);
        assert!((x - CENTER).abs() < 1e-9 && (y - (CENTER - RADIUS)).abs() < 1e-9);
        let (_, y50) = point(0, 6, 50.0);
        assert!((y50 - (CENTER - RADIUS / 2.0)).abs() < 1e-9);
        let (_, y_over) = point(0, 6, 250.0);
        assert!(
            (y_over - (CENTER - RADIUS)).abs() < 1e-9,
            "scores are clamped to 100"
        );
    }
}
