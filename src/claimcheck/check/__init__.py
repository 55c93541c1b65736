"""One file checked: loaded, validated, judged, its rules run, suppressions applied."""
