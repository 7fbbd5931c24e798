using Xunit;

using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Tests.Output;

/// <summary>Plain-text output stays within the width without losing a character, breaking long ids after '/'.</summary>
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
}
