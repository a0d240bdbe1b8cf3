"""One module per sheet of the schedule workbook; ``writer.write_schedule`` calls them in order."""
