using Xunit;

using AmlRbac.Questions;

namespace AmlRbac.Tests.Questions;

/// <summary>Tab completion of catalog names (-Activity, -Template).</summary>
public sealed class NameCompletionTests
{
    private static readonly string[] Names = { "CreateComputeCluster", "CreateComputeInstance", "SubmitRunV1", "SubmitRunV2", "MlflowJobsV2" };

    [Theory]
    [InlineData("", new[] { "CreateComputeCluster", "CreateComputeInstance", "SubmitRunV1", "SubmitRunV2", "MlflowJobsV2" })]
    [InlineData("createc", new[] { "CreateComputeCluster", "CreateComputeInstance" })]
    [InlineData("'Sub", new[] { "SubmitRunV1", "SubmitRunV2" })]
    [InlineData("JobsV2", new[] { "MlflowJobsV2" })]
    [InlineData("nothing", new string[0])]
    public void Offers_names_that_start_with_the_word_else_contain_it(string word, string[] expected)
    {
        Assert.Equal(expected, NameCompletion.Complete(word, Names));
    }
}
