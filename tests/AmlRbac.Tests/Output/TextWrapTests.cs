using Xunit;

using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Tests.Output;

/// <summary>
/// Plain-text output stays within the width: wrapping loses no character and breaks long ids after '/';
/// shortening (the PowerShell views' columns) keeps the end of an operation or a scope.
/// </summary>
public sealed class TextWrapTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(80)]
    public void Lines_fit_and_keep_every_character(int width)
    {
        var text = $"Granted by role 'AzureML Compute Operator' at {Samples.DevWorkspace} through group 'ml-data-scientists'.";

        var lines = TextWrap.Wrap(text, width);

        Assert.All(lines, l => Assert.True(l.Length <= width, l));
        Assert.Equal(text.Replace(" ", string.Empty), string.Concat(lines).Replace(" ", string.Empty));
    }

    [Fact]
    public void A_long_scope_breaks_after_a_slash()
    {
        var lines = TextWrap.Wrap(Samples.DevWorkspace, 60);

        Assert.All(lines.SkipLast(1), l => Assert.EndsWith("/", l));
        Assert.Equal(Samples.DevWorkspace, string.Concat(lines));
    }

    [Fact]
    public void A_long_word_without_slash_is_cut_at_the_width()
    {
        var lines = TextWrap.Wrap(new string('x', 25), 10);

        Assert.Equal(new[] { new string('x', 10), new string('x', 10), new string('x', 5) }, lines);
    }

    [Fact]
    public void Answer_block_puts_the_decision_first_then_what_where_and_why()
    {
        var answer = PermissionAnswer.ForOperation(Samples.Check(Outcome.Allowed, Samples.Grant), "Alice Chen");

        var lines = AnswerText.Render(new[] { answer }, 100).Split(Environment.NewLine);

        Assert.Equal($"Allowed     {Samples.ComputeWrite}", lines[0]);
        Assert.Equal("  principal Alice Chen (f654bbdb-76f3-4d0a-8bc9-337e384a70b8)", lines[1]);
        Assert.StartsWith("  scope     /subscriptions/", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("  why       - Granted by role 'AzureML Compute Operator'", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 100, l));
    }

    [Theory]
    [InlineData(Samples.ComputeWrite, 30, ".../workspaces/computes/write")]
    [InlineData(Samples.ComputeWrite, 28, ".../computes/write")]
    [InlineData(Samples.DevWorkspace, 40, ".../workspaces/mlw-dev")]
    [InlineData(Samples.DevWorkspace, 60, ".../Microsoft.MachineLearningServices/workspaces/mlw-dev")]
    [InlineData(Samples.DevGroup, 30, ".../resourceGroups/rg-ml-dev")]
    [InlineData("/providers/Microsoft.Management/managementGroups/contoso-ml", 31, ".../managementGroups/contoso-ml")]
    [InlineData("azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4", 40, ".../models/tiiuae-falcon-7b/versions/4")]
    public void Shortening_drops_whole_parts_from_the_left_and_keeps_the_end(string text, int width, string expected)
    {
        Assert.Equal(expected, TextWrap.Shorten(text, width));
    }

    [Theory]
    [InlineData(Samples.ComputeWrite)]
    [InlineData(Samples.DevWorkspace)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write")]
    public void Shortened_text_fits_exactly_what_the_width_allows_and_is_the_end_of_the_text(string text)
    {
        for (var width = 10; width <= text.Length + 5; width++)
        {
            var shortened = TextWrap.Shorten(text, width);

            Assert.True(shortened.Length <= width, $"{width}: {shortened}");
            if (text.Length <= width)
            {
                Assert.Equal(text, shortened);
                continue;
            }
            Assert.StartsWith(TextWrap.Ellipsis, shortened);
            Assert.EndsWith(shortened[TextWrap.Ellipsis.Length..], text);
        }
    }

    [Fact]
    public void Shortening_keeps_the_most_whole_parts_that_fit()
    {
        // 23 characters hold ".../computes/write" (18) but not ".../workspaces/computes/write" (29).
        Assert.Equal(".../computes/write", TextWrap.Shorten(Samples.ComputeWrite, 23));
        Assert.Equal(".../workspaces/computes/write", TextWrap.Shorten(Samples.ComputeWrite, 29));
    }

    [Fact]
    public void A_last_part_longer_than_the_width_keeps_its_end()
    {
        const string Subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";

        Assert.Equal("...-430e-9f47-32340e216c45", TextWrap.Shorten(Subscription, 26));
        Assert.Equal("...klmnopqrst", TextWrap.Shorten("abcdefghijklmnopqrst", 13));
    }

    [Fact]
    public void Short_text_is_kept_whole_and_null_is_empty()
    {
        Assert.Equal("Reader", TextWrap.Shorten("Reader", 10));
        Assert.Equal(Samples.ComputeWrite, TextWrap.Shorten(Samples.ComputeWrite, Samples.ComputeWrite.Length));
        Assert.Equal(string.Empty, TextWrap.Shorten(null, 20));
    }

    [Fact]
    public void Bullets_start_each_item_with_a_dash_and_indent_its_wrapped_lines()
    {
        var lines = TextWrap.Bullets(new[] { $"Granted at {Samples.DevGroup}.", "Short." }, 40);

        Assert.Equal(
            new[]
            {
                "- Granted at /subscriptions/",
                "  099041be-6a92-430e-9f47-32340e216c45/",
                "  resourceGroups/rg-ml-dev.",
                "- Short.",
            },
            lines);
    }
}
