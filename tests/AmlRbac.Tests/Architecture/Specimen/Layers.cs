// A tiny layered code base for LayerAnalysisTests, compiled into the test assembly: layers Low, High and Disk
// (rule in LayerAnalysisTests.SpecimenRule), where Low uses High in a lambda only (a forbidden dependency and, as
// High uses Low, a cycle), Low reads a file in an async body only, Disk reads one as allowed, and Stray is a
// namespace the rule does not place. Nothing runs this code; only its compiled form is read.

namespace AmlRbac.Tests.Architecture.Specimen.Layers.Low
{
    public sealed class Ledger
    {
        public int Total(IEnumerable<int> items) => items.Select(i => new High.Summary(i).Value).Sum();
    }

    public sealed class Journal
    {
        public async Task<int> LengthAsync(string path) => (await File.ReadAllTextAsync(path)).Length;
    }
}

namespace AmlRbac.Tests.Architecture.Specimen.Layers.High
{
    public sealed class Summary
    {
        public Summary(int value) => Value = value;

        public int Value { get; }

        public Low.Ledger? Source { get; init; }
    }
}

namespace AmlRbac.Tests.Architecture.Specimen.Layers.Disk
{
    public static class Store
    {
        public static string Read(string path) => File.ReadAllText(path);
    }
}

namespace AmlRbac.Tests.Architecture.Specimen.Layers.Stray
{
    public sealed class Loose
    {
    }
}
