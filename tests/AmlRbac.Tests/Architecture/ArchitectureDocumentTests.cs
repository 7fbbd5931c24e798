using Xunit;

using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Architecture;

/// <summary>docs/ARCHITECTURE.md shows the dependency rule as EngineLayers holds it, so the copy a reader sees is not stale.</summary>
public sealed class ArchitectureDocumentTests
{
    [Fact]
    public void The_document_shows_the_rule_of_the_test()
    {
        var lines = File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "docs", "ARCHITECTURE.md"));
        var header = Array.IndexOf(lines, "| layer | may depend on |");
        Assert.True(header >= 0, "docs/ARCHITECTURE.md has no '| layer | may depend on |' table.");

        // Rows after the header and its |---| line, up to the first line that is not a row.
        var shown = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2] == "(nothing)" ? "" : cells[2]);

        Assert.Equal(
            EngineLayers.Rule.MayDependOn.ToDictionary(l => l.Key, l => string.Join(", ", l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal),
            shown.OrderBy(l => l.Key, StringComparer.Ordinal));
    }
}
