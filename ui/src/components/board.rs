//! The handwriting board both sides of a call draw on: a stroke is sent when the pen lifts, in
//! coordinates relative to the board, so it lands in the same place on any screen size. Works
//! with a finger, a pen or a mouse (pointer events).

use crate::call::session::{CallSession, Stroke};
use crate::i18n::{t, Msg};
use domain::video::signal::Signal;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 360.0;
const MY_COLOUR: &str = "#0b5cad";

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

fn draw(ctx: &CanvasRenderingContext2d, stroke: &Stroke) {
    ctx.set_stroke_style_str(&stroke.colour);
    ctx.set_line_width(3.0);
    ctx.begin_path();
    for (i, (x, y)) in stroke.points.iter().enumerate() {
        let (x, y) = (*x as f64 * WIDTH, *y as f64 * HEIGHT);
        if i == 0 {
            ctx.move_to(x, y);
        } else {
            ctx.line_to(x, y);
        }
    }
    ctx.stroke();
}

/// Where a pointer event falls on the board, 0..1 each way.
fn point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> (f32, f32) {
    let rect = canvas.get_bounding_client_rect();
    let x = ((ev.client_x() as f64 - rect.left()) / rect.width()).clamp(0.0, 1.0);
    let y = ((ev.client_y() as f64 - rect.top()) / rect.height()).clamp(0.0, 1.0);
    (x as f32, y as f32)
}

#[component]
pub fn Board(session: CallSession) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let drawing = StoredValue::new(None::<Vec<(f32, f32)>>);
    Effect::new(move |_| {
        let strokes = session.strokes.get();
        let Some(canvas) = canvas.get() else { return };
        let Some(ctx) = context(&canvas) else { return };
        ctx.clear_rect(0.0, 0.0, WIDTH, HEIGHT);
        strokes.iter().for_each(|s| draw(&ctx, s));
    });
    let down = move |ev: PointerEvent| {
        if let Some(c) = canvas.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
            drawing.set_value(Some(vec![point(&c, &ev)]));
        }
    };
    let moved = move |ev: PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        let Some(mut points) = drawing.get_value() else {
            return;
        };
        let p = point(&c, &ev);
        if let (Some(ctx), Some(last)) = (context(&c), points.last()) {
            draw(
                &ctx,
                &Stroke {
                    points: vec![*last, p],
                    colour: MY_COLOUR.into(),
                },
            );
        }
        if points.len() < domain::video::signal::STROKE_POINTS_MAX {
            points.push(p);
        }
        drawing.set_value(Some(points));
    };
    let up = move |_| {
        let Some(points) = drawing.get_value() else {
            return;
        };
        drawing.set_value(None);
        let signal = Signal::Stroke {
            points: points.clone(),
            colour: MY_COLOUR.into(),
        };
        session.send(&signal);
        session.strokes.update(|s| {
            s.push(Stroke {
                points,
                colour: MY_COLOUR.into(),
            })
        });
    };
    let clear = move |_| {
        session.send(&Signal::ClearBoard);
        session.strokes.set(Vec::new());
    };
    view! {
        <section class="board" aria-labelledby="board-heading">
            <h2 id="board-heading">{t(Msg::VideoBoard)}</h2>
            <canvas node_ref=canvas width=WIDTH height=HEIGHT data-testid="board" data-strokes=move || session.strokes.with(Vec::len).to_string() aria-label=move || t(Msg::VideoBoard)()
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up></canvas>
            <button type="button" class="button" on:click=clear>{t(Msg::VideoClearBoard)}</button>
        </section>
    }
}
