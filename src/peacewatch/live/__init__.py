"""Live monitoring: the server's ingestion queue (one worker), watched feeds and folders, and
the schedule that polls them and runs the alert rules."""
