fn main() {
    ui::mount(service_app::App);
}
