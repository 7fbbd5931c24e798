using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

/// <summary>The partial hash of scope texts must agree with OrdinalIgnoreCase equality, or lookups would miss.</summary>
public sealed class ScopeTextComparerTests
{
    [Theory]
    [InlineData("/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/cpu1")]
    [InlineData("/providers/Microsoft.Management/managementGroups/Équipe-ā-ML")]
    [InlineData("Microsoft.MachineLearningServices/workspaces/computes/write")]
    [InlineData("/")]
    public void Texts_equal_but_for_case_hash_alike(string text)
    {
        var comparer = ScopeTextComparer.Instance;
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var other = new string(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
            if (comparer.Equals(text, other))
            {
                Assert.Equal(comparer.GetHashCode(text), comparer.GetHashCode(other));
            }
        }
    }

    [Fact]
    public void Scopes_that_differ_in_one_segment_are_not_equal_and_hash_apart()
    {
        var comparer = ScopeTextComparer.Instance;
        const string Prefix = "/subscriptions/11111111-1111-4111-8111-111111111111/resourceGroups/";

        Assert.False(comparer.Equals(Prefix + "rg1", Prefix + "rg10"));
        var hashes = Enumerable.Range(0, 500).Select(i => comparer.GetHashCode($"{Prefix}rg1/providers/Microsoft.MachineLearningServices/workspaces/ws{i}")).Distinct().Count();
        Assert.True(hashes > 490, $"only {hashes} distinct hashes for 500 workspaces");
    }
}
