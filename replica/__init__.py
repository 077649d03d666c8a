"""Offline replicas of russkiymir.ru, washington.mid.ru and tass.com/tass.ru, served on one loopback port."""
