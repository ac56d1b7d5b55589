"""The reader: the page view, its bars, link policy, history and off-thread page loading."""
