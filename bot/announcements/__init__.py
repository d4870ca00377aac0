"""Announcements to villages: opt-in subscriptions, officers' announcements and their delivery."""
