using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>The --ids-from file: one workspace id a line, as az resource list -o tsv writes them.</summary>
public sealed class WorkspaceIdListTests
{
    [Fact]
    public void Blank_lines_and_comments_are_skipped_and_each_id_is_kept_as_written()
    {
        var ids = WorkspaceIdList.Parse("# to convert\r\n/subscriptions/a/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w1\n\n  not-an-id  \n");

        Assert.Equal(new[] { "/subscriptions/a/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w1", "not-an-id" }, ids);
    }

    [Fact]
    public void A_missing_file_is_IdsFileNotFound()
    {
        var missing = Path.Combine(Path.GetTempPath(), "amlrbac-no-such-ids-" + Guid.NewGuid().ToString("N") + ".txt");

        var error = Assert.Throws<AmlRbacException>(() => WorkspaceIdList.Read(missing));

        Assert.Equal((ErrorIds.IdsFileNotFound, FailureCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.Equal(missing, error.Target);
    }

    [Fact]
    public void A_folder_is_IdsFileNotFound_saying_it_is_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("amlrbac-ids-").FullName;
        try
        {
            var error = Assert.Throws<AmlRbacException>(() => WorkspaceIdList.Read(folder));

            Assert.Equal(ErrorIds.IdsFileNotFound, error.ErrorId);
            Assert.EndsWith("is a folder, not a file.", error.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
