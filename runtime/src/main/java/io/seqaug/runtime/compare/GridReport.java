package io.seqaug.runtime.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * What a grid produced.
 *
 * @param directory the grid's folder
 * @param cells the finished cells
 * @param expected how many cells the grid has
 * @param summary the Markdown summary (also in {@code summary.md})
 */
public record GridReport(Path directory, List<CellResult> cells, int expected, String summary) {}
