using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace AmlRbac.Sources;

/// <summary>
/// The values of the JSON list a <see cref="JsonStream"/> stands in, parsed on a second thread while the caller turns
/// the ones before into the model: on a snapshot the two take about the same time (issue #16: at 100,000 assignments
/// about 0.25 s to parse the items and 0.35 s to read them into the model), so with two cores the read takes the
/// longer of the two, not their sum. What the caller sees is what one thread would give, in the same order: each
/// value, then the stream's error where parsing failed (after every value before it), and the stream left on the
/// list's end. When the caller stops early (an item is invalid), parsing stops and is waited for, so the stream is
/// never read by two threads.
/// </summary>
internal static class ListPrefetch
{
    private const int BatchSize = 256;

    // Parsed values wait in at most this many batches: the reader runs ahead by a bounded amount, not the whole file.
    private const int BatchesAhead = 4;

    /// <summary>The list's values, in order; the stream stands on the list's first value (its '[' consumed) and is left on its ']'.</summary>
    public static IEnumerable<object?> Values(JsonStream json)
    {
        using var batches = new BlockingCollection<(object?[] Values, int Count)>(BatchesAhead);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var parser = Task.Run(() =>
        {
            var batch = new object?[BatchSize];
            var count = 0;
            try
            {
                try
                {
                    while (json.Peek() != JsonTokenType.EndArray)
                    {
                        var value = json.Value();
                        batch[count++] = value;
                        if (count == BatchSize)
                        {
                            batches.Add((batch, count), stop.Token);
                            batch = new object?[BatchSize];
                            count = 0;
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // Given to the caller after the values parsed before it, as one thread would have met it.
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                // The last batch: the list's end, or the values parsed before the failure.
                batches.Add((batch, count), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped reading.
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        try
        {
            foreach (var (values, count) in batches.GetConsumingEnumerable())
            {
                for (var i = 0; i < count; i++)
                {
                    yield return values[i];
                }
            }
            // The list is done only once the parser completed adding, after it set any failure.
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            parser.Wait();
        }
    }
}
