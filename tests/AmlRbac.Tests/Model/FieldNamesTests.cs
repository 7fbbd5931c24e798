using System.Text;
using System.Text.Json;
using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

/// <summary>A field name read again is the string read first; names that differ are apart, however many there are.</summary>
public sealed class FieldNamesTests
{
    // Every property name of the text, in order, as FieldNames gives it.
    private static List<string> NamesOf(string json, FieldNames names)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var found = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                found.Add(names.Of(ref reader));
            }
        }
        return found;
    }

    [Fact]
    public void A_name_read_again_is_the_same_string_and_an_escaped_spelling_is_the_same_name()
    {
        var names = NamesOf("""[{"scope":1,"principalId":2},{"scope":3,"principalId":4},{"sc\u006fpe":5}]""", new FieldNames());

        Assert.Equal(new[] { "scope", "principalId", "scope", "principalId", "scope" }, names);
        Assert.Same(names[0], names[2]);
        Assert.Same(names[0], names[4]);
        Assert.Same(names[1], names[3]);
    }

    [Fact]
    public void Many_distinct_names_each_keep_their_own_text()
    {
        var pool = new FieldNames();
        var json = "{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"field{i}\":{i}")) + "}";

        var first = NamesOf(json, pool);
        var again = NamesOf(json, pool);

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => $"field{i}"), first);
        Assert.All(first.Zip(again), pair => Assert.Same(pair.First, pair.Second));
    }
}
