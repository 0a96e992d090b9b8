"""Importing the files partners send: rosters of people and draft agendas."""
