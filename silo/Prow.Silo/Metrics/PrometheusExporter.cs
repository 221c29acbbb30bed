using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Prow.Services.Metrics;

namespace Prow.Silo.Metrics;

/// <summary>
/// Exports the <c>Prow.*</c> meters and Orleans' own (<c>Microsoft.Orleans</c>: activations, messages, reminders,
/// storage) in Prometheus' text format: counters as sums, observable instruments as their
/// value at scrape time, histograms with cumulative buckets (an instrument's advised buckets, else a default set).
/// Instruments of <see cref="UpstreamMetrics.MeterPrefix"/> meters keep Prow's names (<c>prowjobs</c>); the others
/// are <c>prow_NAME</c>. (No Prometheus package restores here; this is small.)
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] s_secondBounds = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60];

    // Orleans records its latencies in milliseconds.
    private static readonly double[] s_millisecondBounds = [.. s_secondBounds.Select(b => b * 1000)];

    private const string OrleansMeter = "Microsoft.Orleans";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _series = new();
    private readonly Lock _scrapeLock = new();
    private readonly ProwJobsGauge? _prowJobs;

    /// <param name="meterFactory">Only meters this host's factory created are exported: several hosts may share a process.</param>
    /// <param name="prowJobs">Counted again from the job index before each <see cref="ScrapeAsync"/>.</param>
    public PrometheusExporter(IMeterFactory meterFactory, ProwJobsGauge? prowJobs = null)
    {
        _prowJobs = prowJobs;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name.StartsWith("Prow.", StringComparison.Ordinal) || IsExportedOrleansInstrument(instrument)) && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The text exposition of every exported instrument, with the gauges read from storage brought up to date first.</summary>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        if (_prowJobs is not null)
        {
            await _prowJobs.RefreshAsync(cancellationToken);
        }

        return Scrape();
    }

    public string Scrape()
    {
        lock (_scrapeLock)
        {
            foreach (var (instrument, series) in _series)
            {
                if (instrument.IsObservable)
                {
                    series.Clear();
                }
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var (instrument, series) in _series.OrderBy(s => s.Key.Name, StringComparer.Ordinal))
            {
                if (series.IsEmpty)
                {
                    continue;
                }

                var name = MetricName(instrument);
                var type = instrument switch
                {
                    Histogram<double> or Histogram<long> => "histogram",
                    Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => "counter",
                    _ => "gauge",
                };
                text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {instrument.Description}\n# TYPE {name} {type}\n");
                foreach (var (labels, value) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    value.Write(text, name, labels, type);
                }
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd(instrument, static _ => new ConcurrentDictionary<string, Series>(StringComparer.Ordinal))
            .GetOrAdd(labels, static (_, bounds) => new Series(bounds), BoundsOf(instrument));
        series.Add(instrument, value);
    }

    private static double[] BoundsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised],
        _ when instrument.Unit == "ms" => s_millisecondBounds,
        _ => s_secondBounds,
    };

    /// <summary>
    /// Orleans' gauges and observable counters (read only at scrape time) and its per-activation instruments. Its
    /// per-message instruments are left out: listening to them cost about 15 % of webhook throughput (docs/benchmarks.md).
    /// </summary>
    private static bool IsExportedOrleansInstrument(Instrument instrument) =>
        instrument.Meter.Name == OrleansMeter && (instrument.IsObservable || instrument.Name.StartsWith("orleans-catalog-", StringComparison.Ordinal));

    /// <summary>Prow's instruments as <c>prow_NAME</c>; Orleans' (<c>orleans-grains</c>, ...) with Prometheus' character set.</summary>
    private static string MetricName(Instrument instrument)
    {
        var name = instrument.Meter.Name == OrleansMeter || instrument.Meter.Name.StartsWith(UpstreamMetrics.MeterPrefix, StringComparison.Ordinal)
            ? instrument.Name
            : "prow_" + instrument.Name;
        return string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_' ? source[i] : '_';
            }
        });
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            var key = string.Concat(tag.Key.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_'));
            pairs.Add($"{key}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private sealed class Series(double[] bounds)
    {
        private readonly Lock _lock = new();
        private readonly long[] _buckets = new long[bounds.Length];
        private double _value;
        private long _count;

        public void Add(Instrument instrument, double value)
        {
            lock (_lock)
            {
                switch (instrument)
                {
                    case Histogram<double> or Histogram<long>:
                        _value += value;
                        _count++;
                        for (var i = 0; i < bounds.Length; i++)
                        {
                            if (value <= bounds[i])
                            {
                                _buckets[i]++;
                            }
                        }

                        break;
                    case Counter<long> or Counter<double> or UpDownCounter<long> or UpDownCounter<double>:
                        _value += value;
                        break;
                    default:
                        _value = value;
                        break;
                }
            }
        }

        public void Write(StringBuilder text, string name, string labels, string type)
        {
            lock (_lock)
            {
                if (type != "histogram")
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{Braces(labels)} {_value}\n");
                    return;
                }

                var prefix = labels.Length > 0 ? labels + "," : "";
                for (var i = 0; i < bounds.Length; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{bounds[i]}\"}} {_buckets[i]}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {_count}\n{name}_sum{Braces(labels)} {_value}\n{name}_count{Braces(labels)} {_count}\n");
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    }
}
