fn main() {
    ui::mount(devices_app::App);
}
