using System.Text;
using System.Text.Json;
using Xunit;

using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// A list's values parsed on a second thread (ListPrefetch) reach the caller as one thread would give them: all of
/// them in order, then a parse error after every value before it, and a caller that stops early stops the parser.
/// </summary>
public sealed class ListPrefetchTests
{
    // A list of numbered objects, '[' already consumed, as the snapshot reader hands it over.
    private static (JsonStream Json, Stream Text) ListOf(int count, string after = "]")
    {
        var text = new MemoryStream(Encoding.UTF8.GetBytes(
            "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"n":{{i}},"pad":"{{new string('x', 40)}}"}""")) + after));
        var json = new JsonStream(text);
        Assert.Equal(JsonTokenType.StartArray, json.Next(out _));
        return (json, text);
    }

    private static long Number(object? value) => (long)((IReadOnlyDictionary<string, object?>)value!)["n"]!;

    [Fact]
    public void Every_value_comes_in_order_and_the_stream_is_left_on_the_lists_end()
    {
        var (json, _) = ListOf(2_000);

        var numbers = ListPrefetch.Values(json).Select(Number).ToList();

        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => (long)i), numbers);
        Assert.Equal(JsonTokenType.EndArray, json.Next(out _));
    }

    [Fact]
    public void An_empty_list_has_no_values()
    {
        var (json, _) = ListOf(0);

        Assert.Empty(ListPrefetch.Values(json));
        Assert.Equal(JsonTokenType.EndArray, json.Next(out _));
    }

    [Fact]
    public void A_parse_error_comes_after_every_value_before_it()
    {
        // 1,000 values, then text that is not JSON where the next value should be.
        var (json, _) = ListOf(1_000, after: ", {\"n\": nope}]");
        var seen = new List<long>();

        var error = Assert.ThrowsAny<JsonException>(() =>
        {
            foreach (var value in ListPrefetch.Values(json))
            {
                seen.Add(Number(value));
            }
        });

        Assert.Equal(1_000, seen.Count);
        Assert.Equal(999, seen[^1]);
        Assert.Contains("invalid JSON literal", error.Message);
    }

    [Fact]
    public void A_caller_that_stops_early_stops_the_parser_before_the_end_of_the_text()
    {
        var (json, text) = ListOf(200_000);

        var first = ListPrefetch.Values(json).First();

        // The parser ran at most a few batches ahead, and it is stopped once the enumeration is left: nothing reads on.
        var position = text.Position;
        Thread.Sleep(100);
        Assert.Equal(0, Number(first));
        Assert.True(position < text.Length / 10, $"{position} of {text.Length} bytes read");
        Assert.Equal(position, text.Position);
    }
}
