fn main() {
    ui::mount(video_app::App);
}
