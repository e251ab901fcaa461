fn main() {
    // The shell shows the ticket's number from its own request (apps/ticket/shell.html).
    ui::mount_after_shell(ticket_app::App);
}
