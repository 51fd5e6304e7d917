create trigger holiday_change_no_change before update, delete on holiday_change for each row as $$
org.h2.api.Trigger create() {
    return new org.h2.api.Trigger() {
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            throw new java.sql.SQLException("holiday_change is append-only", "23000");
        }
    };
}
$$;
