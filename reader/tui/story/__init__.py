"""The story screen: the articles about one event and how their coverage compares."""
