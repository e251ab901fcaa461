fn main() {
    ui::mount(ticket_app::App);
}
