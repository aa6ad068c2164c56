"""The article screen: the text with its highlights, summary, entities, tone and notes."""
