package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Bar charts of benchmark results, written as PNG next to {@code results.json}. */
final class Charts {

	private Charts() {
	}

	/**
	 * One group of bars per category, one bar colour per series.
	 * @param file the file name without {@code .png}
	 * @param series series name to one value per category
	 */
	static void bars(String file, String title, String yAxis, List<String> categories,
			Map<String, List<? extends Number>> series) {
		System.setProperty("java.awt.headless", "true");
		CategoryChart chart = new CategoryChartBuilder().width(800).height(450).title(title).yAxisTitle(yAxis).build();
		chart.getStyler().setLegendVisible(series.size() > 1);
		series.forEach((name, values) -> chart.addSeries(name, categories, values));
		try {
			BitmapEncoder.saveBitmap(chart, BenchResults.directory().resolve(file).toString(),
					BitmapEncoder.BitmapFormat.PNG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
