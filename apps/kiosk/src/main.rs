fn main() {
    ui::mount(kiosk_app::App);
}
