using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// Issue #13 section 2: the documentation's example custom roles ([MLROLES] "Example custom roles",
/// https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles) and the persona templates come out as their
/// descriptions say, activity by activity: Allowed for each thing the text allows, NotGranted for each it forbids.
/// Each row quotes the line it rests on. The role is answered alone (what it grants wherever it is assigned).
/// </summary>
public sealed class DocumentedRoleActivityTests
{
    private static readonly AccessEvaluator Engine = new(new Tenant());

    public static TheoryData<string, string, Outcome, string> ExampleRoles() => new()
    {
        // Data Scientist Custom: "Can run experiment but can't create or delete compute or deploy production endpoints."
        { "DataScientist", "SubmitRunV1", Outcome.Allowed, "Can run experiment" },
        { "DataScientist", "SubmitRunV2", Outcome.Allowed, "Can run experiment" },
        { "DataScientist", "CreateComputeCluster", Outcome.NotGranted, "can't create or delete compute" },
        { "DataScientist", "CreateComputeInstance", Outcome.NotGranted, "can't create or delete compute" },
        { "DataScientist", "DeployToAksAci", Outcome.NotGranted, "or deploy production endpoints" },
        { "DataScientist", "PublishPipelineV2", Outcome.NotGranted, "or deploy production endpoints (NotActions endpoints/pipelines/write)" },
        // Data Scientist Restricted: "It can perform all operations inside a workspace except: Creation of compute;
        // Deploying models to a production AKS cluster; Deploying a pipeline endpoint in production".
        { "DataScientistRestricted", "SubmitRunV1", Outcome.Allowed, "Can run experiment" },
        { "DataScientistRestricted", "RunPublishedPipeline", Outcome.Allowed, "It can perform all operations inside a workspace except" },
        { "DataScientistRestricted", "MlflowWriteModels", Outcome.Allowed, "It can perform all operations inside a workspace except" },
        { "DataScientistRestricted", "CreateComputeCluster", Outcome.NotGranted, "Creation of compute" },
        { "DataScientistRestricted", "DeployToAksAci", Outcome.NotGranted, "Deploying models to a production AKS cluster" },
        { "DataScientistRestricted", "PublishPipelineV1", Outcome.NotGranted, "Deploying a pipeline endpoint in production" },
        // MLflow Data Scientist: "Allows a data scientist to perform all MLflow Azure Machine Learning supported operations except: ..."
        { "MlflowDataScientist", "MlflowExperimentsV1", Outcome.Allowed, "perform all MLflow Azure Machine Learning supported operations" },
        { "MlflowDataScientist", "MlflowJobsV2", Outcome.Allowed, "perform all MLflow Azure Machine Learning supported operations" },
        { "MlflowDataScientist", "MlflowReadModels", Outcome.Allowed, "perform all MLflow Azure Machine Learning supported operations" },
        { "MlflowDataScientist", "MlflowWriteModels", Outcome.Allowed, "perform all MLflow Azure Machine Learning supported operations" },
        { "MlflowDataScientist", "MlflowDeleteModels", Outcome.Allowed, "perform all MLflow Azure Machine Learning supported operations" },
        { "MlflowDataScientist", "CreateComputeCluster", Outcome.NotGranted, "Creation of compute" },
        { "MlflowDataScientist", "DeployToAksAci", Outcome.NotGranted, "Deploying models to a production AKS cluster" },
        // MLOps Custom: "Can run pipelines against a published pipeline endpoint"; NotActions computes/write, workspaces/write.
        { "MLOps", "RunPublishedPipeline", Outcome.Allowed, "Can run pipelines against a published pipeline endpoint" },
        { "MLOps", "CreateComputeCluster", Outcome.NotGranted, "NotActions \"Microsoft.MachineLearningServices/workspaces/computes/write\"" },
        { "MLOps", "CreateWorkspace", Outcome.NotGranted, "NotActions \"Microsoft.MachineLearningServices/workspaces/write\"" },
        { "MLOps", "CreateCustomRole", Outcome.NotGranted, "NotActions \"Microsoft.Authorization/*\"" },
        // Workspace Admin: "Allows you to perform all operations within the scope of a workspace, except: Creating a new
        // workspace; Assigning subscription or workspace level quotas. The workspace admin also can't create a new role."
        { "WorkspaceAdmin", "CreateComputeCluster", Outcome.Allowed, "perform all operations within the scope of a workspace" },
        { "WorkspaceAdmin", "SubmitRunV2", Outcome.Allowed, "perform all operations within the scope of a workspace" },
        { "WorkspaceAdmin", "PublishPipelineV2", Outcome.Allowed, "perform all operations within the scope of a workspace" },
        { "WorkspaceAdmin", "ManageOnlineEndpoints", Outcome.Allowed, "perform all operations within the scope of a workspace" },
        { "WorkspaceAdmin", "ManageBatchEndpoints", Outcome.Allowed, "perform all operations within the scope of a workspace" },
        { "WorkspaceAdmin", "CreateWorkspace", Outcome.NotGranted, "Creating a new workspace" },
        { "WorkspaceAdmin", "RequestQuota", Outcome.NotGranted, "Assigning subscription or workspace level quotas" },
        { "WorkspaceAdmin", "CreateCustomRole", Outcome.NotGranted, "The workspace admin also can't create a new role" },
        // Labeling Team Lead: "The following custom roles give other levels of access for a data labeling project."
        { "LabelingTeamLead", "SubmitRunV2", Outcome.NotGranted, "give other levels of access for a data labeling project" },
        { "LabelingTeamLead", "CreateComputeCluster", Outcome.NotGranted, "give other levels of access for a data labeling project" },
    };

    // The persona statements of the slides "Azure Machine Learning MLOps & RBAC" (personas.json), as each is worded there.
    public static TheoryData<string, string, Outcome, string> Personas() => new()
    {
        { "PersonaDataScientist", "SubmitRunV1", Outcome.Allowed, "Able to create experiment and submit runs" },
        { "PersonaDataScientist", "SubmitRunV2", Outcome.Allowed, "Able to create experiment and submit runs" },
        { "PersonaDataScientist", "ViewQuota", Outcome.Allowed, "Can view workspace and subscription level quota allocated for that workspace" },
        { "PersonaDataScientist", "DeployToAksAci", Outcome.NotGranted, "but not to a PROD aks cluster" },
        { "PersonaDataScientist", "PublishPipelineV1", Outcome.NotGranted, "but not publish a pipeline endpoint" },
        { "PersonaDataScientist", "PublishPipelineV2", Outcome.NotGranted, "but not publish a pipeline endpoint" },
        { "PersonaDataScientist", "CreateComputeInstance", Outcome.NotGranted, "Not able to create a compute instance or a training cluster" },
        { "PersonaDataScientist", "CreateComputeCluster", Outcome.NotGranted, "Not able to create a compute instance or a training cluster" },
        { "PersonaDataScientist", "CreateWorkspace", Outcome.NotGranted, "Cannot create a new workspace but can use an existing workspace created by the subscription admin" },
        { "PersonaDataScientist", "CreateCustomRole", Outcome.NotGranted, "Cannot create new roles or assign users any roles within that workspace" },
        { "PersonaDataScientistSuperUser", "CreateComputeCluster", Outcome.Allowed, "Able to do all operations in the workspace" },
        { "PersonaDataScientistSuperUser", "SubmitRunV2", Outcome.Allowed, "Able to do all operations in the workspace" },
        { "PersonaDataScientistSuperUser", "PublishPipelineV2", Outcome.Allowed, "Able to do all operations in the workspace" },
        { "PersonaDataScientistSuperUser", "ManageOnlineEndpoints", Outcome.Allowed, "Able to do all operations in the workspace" },
        { "PersonaDataScientistSuperUser", "CreateCustomRole", Outcome.NotGranted, "but not create a new role" },
        { "PersonaDataScientistSuperUser", "RequestQuota", Outcome.NotGranted, "Not able to allocate workspace level quota" },
        { "PersonaOfficeDataScientist", "RunPublishedPipeline", Outcome.Allowed, "Run pipelines from SDK and portal" },
        { "PersonaOfficeDataScientist", "MlflowWriteModels", Outcome.Allowed, "Register and unregister models" },
        { "PersonaOfficeDataScientist", "CreateWorkspace", Outcome.NotGranted, "Create, update, or delete an AML workspace" },
        { "PersonaOfficeDataScientist", "CreateComputeCluster", Outcome.NotGranted, "Create, update, delete, or attach computes" },
        { "PersonaOfficeDataScientist", "AttachAks", Outcome.NotGranted, "Create, update, delete, or attach computes" },
        { "PersonaOfficeDataScientist", "DeployOnlineEndpoint", Outcome.NotGranted, "Deploy models to any service other than single node AKS cluster" },
        { "PersonaOfficeDataScientist", "CreateCustomRole", Outcome.NotGranted, "Update any type of roles" },
        { "PersonaITAdmin", "CreateWorkspace", Outcome.Allowed, "Can create workspace and update Editions of the workspace" },
        { "PersonaITAdmin", "RegisterResourceProvider", Outcome.Allowed, "Can create workspace and update Editions of the workspace" },
        { "PersonaITAdmin", "RequestQuota", Outcome.Allowed, "Can set workspace level quota" },
        { "PersonaITAdmin", "SubmitRunV2", Outcome.NotGranted, "Rest are not allowed" },
        { "PersonaITAdmin", "CreateComputeCluster", Outcome.NotGranted, "Rest are not allowed" },
        { "PersonaWorkspaceAdmin", "CreateWorkspace", Outcome.Allowed, "Can create a new workspace and also use an existing workspace created by the subscription admin" },
        { "PersonaWorkspaceAdmin", "ViewQuota", Outcome.Allowed, "Can view workspace and subscription level quota allocated for that workspace" },
        { "PersonaWorkspaceAdmin", "CreateComputeCluster", Outcome.Allowed, "Can create new compute within the bounds of the workspace level quota" },
        { "PersonaWorkspaceAdmin", "CreateComputeInstance", Outcome.Allowed, "Can create a compute instance and assign it to a specific data scientist" },
        { "PersonaWorkspaceAdmin", "SubmitRunV2", Outcome.Allowed, "Can do all data plane operations within the workspace that are part of a data scientists lifecycle" },
        { "PersonaWorkspaceAdmin", "CreateCustomRole", Outcome.NotGranted, "Cannot create new roles" },
        { "PersonaSubscriptionAdmin", "CreateWorkspace", Outcome.Allowed, "Same as sub level admin (owner)" },
        { "PersonaSubscriptionAdmin", "RequestQuota", Outcome.Allowed, "the workspace level quota that the sub admin set on their workspace" },
        { "PersonaSubscriptionAdmin", "CreateCustomRole", Outcome.Allowed, "Same as sub level admin (owner)" },
        { "PersonaMLOpsEngineer", "RunPublishedPipeline", Outcome.Allowed, "to submit runs against an already published pipeline" },
        { "PersonaMLOpsEngineer", "CreateComputeCluster", Outcome.NotGranted, "\"Microsoft.MachineLearningServices/workspaces/computes/write\"" },
        { "PersonaMLOpsEngineer", "CreateWorkspace", Outcome.NotGranted, "\"Microsoft.MachineLearningServices/workspaces/write\"" },
        { "PersonaMLOpsEngineer", "CreateCustomRole", Outcome.NotGranted, "\"Microsoft.Authorization/*\"" },
    };

    [Theory]
    [MemberData(nameof(ExampleRoles))]
    public void An_example_role_does_what_its_description_says(string template, string activity, Outcome expected, string line) =>
        AssertOutcome(template, activity, expected, line);

    [Theory]
    [MemberData(nameof(Personas))]
    public void A_persona_template_does_what_its_statement_says(string template, string activity, Outcome expected, string line) =>
        AssertOutcome(template, activity, expected, line);

    [Fact]
    public void Every_persona_and_example_template_has_a_row()
    {
        var covered = ExampleRoles().Select(r => (string)r[0]).Concat(Personas().Select(r => (string)r[0])).ToHashSet();

        var uncovered = AmlCatalog.Default.Templates.Select(t => t.Name).Where(n => n != "DataScientistBasic" && !covered.Contains(n)).ToList();

        Assert.True(uncovered.Count == 0, "Templates without a row: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void A_documented_wildcard_is_the_operations_the_activity_needs_not_every_one_it_covers()
    {
        // Submitting a job creates it; it does not delete it: /workspaces/jobs/* is jobs/read and jobs/write.
        var submit = AmlCatalog.Default.GetActivity("SubmitRunV2");

        Assert.Contains("Microsoft.MachineLearningServices/workspaces/jobs/*", submit.DocumentedAs);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/jobs/write", submit.Actions);
        Assert.DoesNotContain("Microsoft.MachineLearningServices/workspaces/jobs/delete", submit.Actions);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/jobs/*", submit.DocumentedEntryOf("Microsoft.MachineLearningServices/workspaces/jobs/write"));
    }

    [Fact]
    public void An_activity_answer_lists_each_missing_operation_once()
    {
        var readsOnly = new RoleDefinition { Id = "r", Name = "Reads", Permissions = new[] { new Permission { Actions = new[] { "Microsoft.MachineLearningServices/workspaces/*/read" } } } };

        var missing = Engine.CheckRoleActivity(readsOnly, AmlCatalog.Default.GetActivity("SubmitRunV2")).Missing.Select(d => d.Action).ToList();

        Assert.NotEmpty(missing);
        Assert.Equal(missing.Distinct(StringComparer.OrdinalIgnoreCase).Count(), missing.Count);
    }

    private static void AssertOutcome(string template, string activity, Outcome expected, string line)
    {
        var role = AmlCatalog.Default.FindTemplate(template)!.Role;

        var decision = Engine.CheckRoleActivity(role, AmlCatalog.Default.GetActivity(activity));

        Assert.True(decision.Outcome == expected,
            $"{template} / {activity}: expected {expected} (\"{line}\"), got {decision.Outcome}; missing {string.Join(", ", decision.Missing.Select(d => d.Action))}.");
    }
}
