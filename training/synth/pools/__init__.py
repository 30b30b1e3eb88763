"""Material pools: department topics, root-cause cues, relational signals, styles, English."""
