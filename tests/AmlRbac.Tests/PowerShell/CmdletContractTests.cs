using System.Reflection;
using Xunit;
using static AmlRbac.Tests.PowerShell.Binding;
using static AmlRbac.Tests.PowerShell.CmdletParameter;

using AmlRbac.Model;
using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// The cmdlets' public contract, read from their attributes: names, output types and every parameter
/// with its type, aliases, parameter sets, mandatory flags and pipeline binding. Scripts depend on all
/// of it; a change here is a breaking change and must be deliberate. The pipeline names are those of
/// the Az objects users pipe ([AZPS-AUTH]): PSRoleAssignment.ObjectId and .Scope, and the Id /
/// ResourceId of resources (Get-AzMLWorkspace, Get-AzResource).
/// </summary>
public sealed class CmdletContractTests
{
    private const string String = "System.String";
    private const string Strings = "System.String[]";
    private const string PSObject = "System.Management.Automation.PSObject";
    private const string Switch = "System.Management.Automation.SwitchParameter";
    private const string SecureString = "System.Security.SecureString";
    private const string Uri = "System.Uri";
    private static readonly string[] None = Array.Empty<string>();

    // Parameters every query cmdlet shares: where the tenant comes from.
    private static readonly CmdletParameter[] SourceParameters =
    {
        Expect("InputObject", PSObject, None, (AllSets, Pipeline)),
        Expect("LiteralSnapshotPath", String, None, (AllSets, Optional)),
        Expect("Sample", Switch, None, (AllSets, Optional)),
        Expect("SnapshotPath", String, None, (AllSets, Optional)),
    };

    // Live Azure (-Live with the query cmdlets; always for Export-AmlRbacSnapshot): endpoints and tokens.
    private static readonly CmdletParameter[] ConnectionParameters =
    {
        Expect("AccessToken", SecureString, None, (AllSets, Optional)),
        Expect("ArmUrl", Uri, None, (AllSets, Optional)),
        Expect("GraphAccessToken", SecureString, None, (AllSets, Optional)),
        Expect("GraphUrl", Uri, None, (AllSets, Optional)),
        Expect("MaxRequestsPerSecond", "System.Double", None, (AllSets, Optional)),
    };

    private static readonly CmdletParameter[] LiveParameters = ConnectionParameters.Append(Expect("Live", Switch, None, (AllSets, Optional))).ToArray();

    public static TheoryData<string, string[], string, string> Commands => new()
    {
        { "Test-AmlPermission", new[] { "System.Boolean", "AmlRbac.PowerShell.Output.AmlPermissionDecision" }, "TestAmlPermissionCommand", "Principal" },
        { "Assert-AmlPermission", new[] { "AmlRbac.PowerShell.Output.AmlPermissionDecision" }, "AssertAmlPermissionCommand", "Principal" },
        { "Get-AmlEffectiveAccess", new[] { "AmlRbac.PowerShell.Output.AmlPermissionDecision" }, "GetAmlEffectiveAccessCommand", "Principal" },
        { "New-AmlCustomRole", new[] { "AmlRbac.PowerShell.Output.AmlRoleDefinition" }, "NewAmlCustomRoleCommand", "Lists" },
        { "New-AmlModelPolicy", new[] { "AmlRbac.PowerShell.Output.AmlModelPolicy" }, "NewAmlModelPolicyCommand", "Registry" },
        { "Export-AmlRbacSnapshot", new[] { "System.IO.FileInfo" }, "ExportAmlRbacSnapshotCommand", "Path" },
        { "Set-AmlWorkspaceIdentityRole", new[] { "AmlRbac.PowerShell.Output.AmlWorkspaceIdentityConversion" }, "SetAmlWorkspaceIdentityRoleCommand", "ResourceId" },
        { "Export-AmlAccessReport", new[] { "System.String", "System.IO.FileInfo" }, "ExportAmlAccessReportCommand", "Report" },
        { "Get-AmlUnusedAccess", new[] { "AmlRbac.PowerShell.Output.AmlAssignmentUse" }, "GetAmlUnusedAccessCommand", "Snapshot" },
        { "Test-AmlWorkspacePosture", new[] { "AmlRbac.PowerShell.Output.AmlWorkspacePostureResult" }, "TestAmlWorkspacePostureCommand", "Posture" },
        { "Compare-AmlRbacSnapshot", new[] { "AmlRbac.PowerShell.Output.AmlDecisionChange" }, "CompareAmlRbacSnapshotCommand", "Compare" },
        { "Get-AmlAccessEstate", new[] { "AmlRbac.PowerShell.Output.AmlAccessEstate" }, "GetAmlAccessEstateCommand", "Estate" },
        { "New-AmlPosturePolicy", new[] { "AmlRbac.PowerShell.Output.AmlModelPolicy" }, "NewAmlPosturePolicyCommand", "Posture" },
    };

    public static TheoryData<string> CommandNames => new() { "Test-AmlPermission", "Assert-AmlPermission", "Get-AmlEffectiveAccess", "New-AmlCustomRole", "New-AmlModelPolicy", "Export-AmlRbacSnapshot", "Set-AmlWorkspaceIdentityRole", "Export-AmlAccessReport", "Get-AmlUnusedAccess", "Test-AmlWorkspacePosture", "Compare-AmlRbacSnapshot", "Get-AmlAccessEstate", "New-AmlPosturePolicy" };

    [Fact]
    public void The_module_has_exactly_these_cmdlets()
    {
        Assert.Equal(
            new[] { "Assert-AmlPermission", "Compare-AmlRbacSnapshot", "Export-AmlAccessReport", "Export-AmlRbacSnapshot", "Get-AmlAccessEstate", "Get-AmlEffectiveAccess", "Get-AmlUnusedAccess", "New-AmlCustomRole", "New-AmlModelPolicy", "New-AmlPosturePolicy", "Set-AmlWorkspaceIdentityRole", "Test-AmlPermission", "Test-AmlWorkspacePosture" },
            ModuleFiles.CmdletTypes.Select(ModuleFiles.CommandName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Cmdlet_class_follows_the_conventions(string command, string[] outputTypes, string className, string defaultSet)
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command);

        Assert.Equal("AmlRbac.PowerShell.Cmdlets." + className, type.FullName);
        Assert.True(type.IsSealed, $"{type.Name} is not sealed");
        Assert.Equal(command.Replace("-", string.Empty) + "Command", type.Name);
        var declared = ModuleFiles.Attributes(type, "OutputTypeAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => ((Type)a.Value!).FullName);
        Assert.Equal(outputTypes, declared);
        Assert.Equal(defaultSet, ModuleFiles.Named<string>(ModuleFiles.Attributes(type, "CmdletAttribute").Single(), "DefaultParameterSetName"));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_parameter_set_is_named_by_a_const_of_the_class(string command)
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command);
        var defaultSet = ModuleFiles.Named<string>(ModuleFiles.Attributes(type, "CmdletAttribute").Single(), "DefaultParameterSetName");
        // FlattenHierarchy: Test- and Assert-AmlPermission name their sets in their shared base class.
        var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Where(f => f.IsLiteral && f.FieldType.FullName == String)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        var used = CmdletParameter.Of(type).SelectMany(p => p.Sets.Keys).Where(s => s != AllSets).Append(defaultSet!).ToHashSet();

        Assert.Empty(used.Except(constants));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Parameter_sets_can_be_told_apart(string command)
    {
        var parameters = CmdletParameter.Of(ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command));
        var sets = parameters.SelectMany(p => p.Sets.Keys).Where(s => s != AllSets).Distinct().ToList();

        // PowerShell picks a set from the parameters given: two sets with the same members could not be told apart.
        string Members(string set) => string.Join(",", parameters.Where(p => p.Sets.ContainsKey(set)).Select(p => p.Name));
        Assert.Equal(sets.Count, sets.Select(Members).Distinct().Count());
        // At most one parameter per set takes whole objects from the pipeline.
        foreach (var set in sets)
        {
            Assert.True(parameters.Count(p => (p.Sets.TryGetValue(set, out var b) || p.Sets.TryGetValue(AllSets, out b)) && b.HasFlag(Pipeline)) <= 1, set);
        }
    }

    [Fact]
    public void Test_AmlPermission_parameters()
    {
        // One set per "who"; -PrincipalId and -Scope are optional so that a role definition piped alone
        // binds to the principal set (the cmdlet checks the subject once all input is in).
        const string Principal = "Principal", RoleDefinition = "RoleDefinition", RoleName = "RoleName";
        var expected = new[]
        {
            Expect("Action", Strings, None, (AllSets, Optional)),
            Expect("Activity", Strings, None, (AllSets, Optional)),
            Expect("DataAction", Switch, None, (AllSets, Optional)),
            Expect("Detailed", Switch, None, (AllSets, Optional)),
            Expect("ExemptionHandling", "AmlRbac.Policy.ExemptionHandling", None, (Principal, Optional)),
            Expect("Model", String, None, (Principal, Optional)),
            Expect("PrincipalId", String, new[] { "ObjectId" }, (Principal, ByPropertyName)),
            Expect("RoleDefinition", PSObject, None, (RoleDefinition, Mandatory)),
            Expect("RoleName", String, None, (RoleName, Mandatory)),
            Expect("Strict", Switch, None, (AllSets, Optional)),
            Expect("Scope", String, new[] { "ResourceId", "Id" }, (Principal, ByPropertyName)),
            Expect("RelatedResource", Strings, None, (Principal, Optional)),
        };

        AssertParameters("Test-AmlPermission", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Assert_AmlPermission_parameters()
    {
        // Test-AmlPermission's question (one base class), with what passes instead of -Detailed.
        const string Principal = "Principal", RoleDefinition = "RoleDefinition", RoleName = "RoleName";
        var expected = new[]
        {
            Expect("Action", Strings, None, (AllSets, Optional)),
            Expect("Activity", Strings, None, (AllSets, Optional)),
            Expect("DataAction", Switch, None, (AllSets, Optional)),
            Expect("Decision", "AmlRbac.Model.Outcome[]", None, (AllSets, Optional)),
            Expect("ExemptionHandling", "AmlRbac.Policy.ExemptionHandling", None, (Principal, Optional)),
            Expect("Model", String, None, (Principal, Optional)),
            Expect("PassThru", Switch, None, (AllSets, Optional)),
            Expect("PrincipalId", String, new[] { "ObjectId" }, (Principal, ByPropertyName)),
            Expect("RoleDefinition", PSObject, None, (RoleDefinition, Mandatory)),
            Expect("RoleName", String, None, (RoleName, Mandatory)),
            Expect("Scope", String, new[] { "ResourceId", "Id" }, (Principal, ByPropertyName)),
            Expect("RelatedResource", Strings, None, (Principal, Optional)),
        };

        AssertParameters("Assert-AmlPermission", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Get_AmlEffectiveAccess_parameters()
    {
        const string Principal = "Principal", WhoCan = "WhoCan", DeployableModel = "DeployableModel";
        var expected = new[]
        {
            Expect("Action", Strings, None, (WhoCan, Mandatory)),
            Expect("Activity", Strings, None, (Principal, Optional)),
            Expect("By", "AmlRbac.Questions.EffectiveAccessBy", None, (Principal, Optional)),
            Expect("DataAction", Switch, None, (WhoCan, Optional)),
            Expect("Decision", "AmlRbac.Model.Outcome[]", None, (AllSets, Optional)),
            Expect("DeployableModel", Switch, None, (DeployableModel, Mandatory)),
            Expect("ExemptionHandling", "AmlRbac.Policy.ExemptionHandling", None, (DeployableModel, Optional)),
            Expect("Model", Strings, None, (DeployableModel, Optional)),
            // Optional in the principal set, so that a role definition piped alone binds there.
            Expect("PrincipalId", String, new[] { "ObjectId" }, (Principal, ByPropertyName), (DeployableModel, Mandatory | ByPropertyName)),
            Expect("Scope", String, new[] { "ResourceId", "Id" }, (Principal, ByPropertyName), (WhoCan, Mandatory | ByPropertyName), (DeployableModel, Mandatory | ByPropertyName)),
            Expect("Provider", Strings, None, (Principal, Optional)),
            Expect("Recurse", Switch, None, (Principal, Optional), (WhoCan, Optional)),
            Expect("RelatedResource", Strings, None, (Principal, Optional)),
        };

        AssertParameters("Get-AmlEffectiveAccess", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Export_AmlRbacSnapshot_parameters()
    {
        const string Path = "Path", LiteralPath = "LiteralPath";
        var expected = new[]
        {
            Expect("LiteralPath", String, new[] { "PSPath", "LP" }, (LiteralPath, Mandatory)),
            Expect("PassThru", Switch, None, (AllSets, Optional)),
            Expect("Path", String, new[] { "OutFile" }, (Path, Mandatory)),
            Expect("Scope", Strings, new[] { "ResourceId", "Id" }, (AllSets, Mandatory | ByPropertyName)),
        };

        AssertParameters("Export-AmlRbacSnapshot", expected.Concat(ConnectionParameters));
    }

    [Fact]
    public void Export_AmlAccessReport_parameters()
    {
        var expected = new[]
        {
            Expect("ExemptionHandling", "AmlRbac.Policy.ExemptionHandling", None, (AllSets, Optional)),
            Expect("Force", Switch, None, (AllSets, Optional)),
            Expect("Format", String, None, (AllSets, Optional)),
            Expect("PassThru", Switch, None, (AllSets, Optional)),
            Expect("Path", String, None, (AllSets, Optional)),
            // Not from the pipeline: piped Az objects carry a Scope of their own, and the report is of the one scope named.
            Expect("Scope", String, None, (AllSets, Mandatory)),
        };

        AssertParameters("Export-AmlAccessReport", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Get_AmlUnusedAccess_parameters()
    {
        const string Snapshot = "Snapshot", LiteralSnapshot = "LiteralSnapshot", Sample = "Sample";
        var expected = new[]
        {
            Expect("ActivityLogPath", String, None, (AllSets, Mandatory)),
            Expect("LiteralSnapshotPath", String, None, (LiteralSnapshot, Mandatory)),
            Expect("Sample", Switch, None, (Sample, Mandatory)),
            Expect("SnapshotPath", String, None, (Snapshot, Mandatory)),
        };

        AssertParameters("Get-AmlUnusedAccess", expected);
    }

    [Fact]
    public void Test_AmlWorkspacePosture_parameters()
    {
        var expected = new[]
        {
            Expect("RuleId", "System.String[]", None, (AllSets, Optional)),
            // Not from the pipeline: the posture is of the workspaces at or under the one scope named.
            Expect("Scope", String, None, (AllSets, Optional)),
        };

        AssertParameters("Test-AmlWorkspacePosture", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Compare_AmlRbacSnapshot_parameters()
    {
        // Two files, no tenant source: the snapshots are what is compared, so -SnapshotPath, piped objects and -Live do not apply.
        var expected = new[]
        {
            Expect("Activity", Switch, None, (AllSets, Optional)),
            Expect("AfterPath", String, None, (AllSets, Mandatory)),
            Expect("BeforePath", String, None, (AllSets, Mandatory)),
            Expect("Privileged", Switch, None, (AllSets, Optional)),
        };

        AssertParameters("Compare-AmlRbacSnapshot", expected);
    }

    [Fact]
    public void Get_AmlAccessEstate_parameters()
    {
        var expected = new[]
        {
            // Not from the pipeline, as for the report: piped Az objects carry a Scope of their own.
            Expect("Scope", String, None, (AllSets, Mandatory)),
        };

        AssertParameters("Get-AmlAccessEstate", expected.Concat(SourceParameters).Concat(LiveParameters));
    }

    [Fact]
    public void Format_completes_the_report_formats()
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == "Export-AmlAccessReport");
        var completer = Assert.Single(ModuleFiles.Attributes(type.GetProperty("Format")!, "ArgumentCompleterAttribute"));

        Assert.Equal("AmlRbac.PowerShell.ReportFormatCompleter", ((Type)completer.ConstructorArguments[0].Value!).FullName);
    }

    [Fact]
    public void Only_the_cmdlets_that_write_files_or_Azure_support_WhatIf()
    {
        var writers = ModuleFiles.CmdletTypes
            .Where(t => ModuleFiles.Named<bool>(ModuleFiles.Attributes(t, "CmdletAttribute").Single(), "SupportsShouldProcess"))
            .Select(ModuleFiles.CommandName);

        Assert.Contains("Export-AmlRbacSnapshot", writers);
        Assert.Contains("Export-AmlAccessReport", writers);
        Assert.DoesNotContain("Test-AmlPermission", writers);
        Assert.DoesNotContain("Get-AmlEffectiveAccess", writers);
    }

    [Fact]
    public void New_AmlCustomRole_parameters()
    {
        const string Template = "Template", Lists = "Lists", Role = "Role", File = "File", LiteralFile = "LiteralFile";
        var expected = new[]
        {
            Expect("Action", Strings, None, (AllSets, Optional)),
            Expect("Activity", Strings, None, (AllSets, Optional)),
            Expect("ApiVersion", "AmlRbac.Authoring.ActivityApiVersion", None, (AllSets, Optional)),
            Expect("AssignableScope", Strings, None, (Lists, Mandatory), (Template, Mandatory), (Role, Optional), (File, Optional), (LiteralFile, Optional)),
            Expect("Compact", Switch, None, (AllSets, Optional)),
            Expect("DataAction", Strings, None, (AllSets, Optional)),
            Expect("Description", String, None, (AllSets, Optional)),
            Expect("ExcludeActivity", Strings, None, (AllSets, Optional)),
            Expect("Id", String, None, (AllSets, Optional)),
            Expect("InputObject", PSObject, None, (Role, Mandatory | Pipeline)),
            Expect("LiteralPath", String, new[] { "PSPath", "LP" }, (LiteralFile, Mandatory)),
            Expect("Name", String, None, (Lists, Mandatory), (Template, Optional), (Role, Optional), (File, Optional), (LiteralFile, Optional)),
            Expect("NotAction", Strings, None, (AllSets, Optional)),
            Expect("NotDataAction", Strings, None, (AllSets, Optional)),
            Expect("OutFile", String, None, (AllSets, Optional)),
            Expect("Path", String, None, (File, Mandatory)),
            Expect("ReferenceRole", PSObject, None, (AllSets, Optional)),
            Expect("Shape", "AmlRbac.Sources.RoleShape", None, (AllSets, Optional)),
            Expect("Template", String, None, (Template, Mandatory)),
        };

        AssertParameters("New-AmlCustomRole", expected);
    }

    [Fact]
    public void New_AmlModelPolicy_parameters()
    {
        const string Registry = "Registry", ApprovedModels = "ApprovedModels", AllowList = "AllowList";
        var expected = new[]
        {
            Expect("AllowedAssetId", Strings, None, (ApprovedModels, Optional)),
            Expect("AllowedModel", Strings, None, (AllowList, Mandatory)),
            Expect("AllowedPublisher", Strings, None, (ApprovedModels, Optional)),
            Expect("AllowedRegistry", String, None, (Registry, Mandatory)),
            Expect("DefinitionOutFile", String, None, (AllowList, Optional)),
            Expect("DefinitionScope", String, None, (AllowList, Optional)),
            Expect("DisplayName", String, None, (AllSets, Optional)),
            Expect("Effect", String, None, (AllSets, Optional)),
            Expect("EnforcementMode", "AmlRbac.Model.EnforcementMode", None, (AllSets, Optional)),
            Expect("Name", String, None, (AllSets, Optional)),
            Expect("NotScope", Strings, None, (AllSets, Optional)),
            Expect("OutFile", String, None, (AllSets, Optional)),
            Expect("RestrictedModel", Strings, None, (Registry, Optional)),
            Expect("Scope", String, None, (AllSets, Mandatory)),
        };

        AssertParameters("New-AmlModelPolicy", expected);
    }

    [Fact]
    public void Set_AmlWorkspaceIdentityRole_parameters()
    {
        // Get-AzResource pipes ResourceId, Name, ResourceGroupName and SubscriptionId; Get-AzMLWorkspace
        // pipes Id, Name and ResourceGroupName. Both then bind the default set, ResourceId.
        const string ResourceId = "ResourceId", Name = "Name";
        var expected = new[]
        {
            Expect("AccessToken", "System.Security.SecureString", None, (AllSets, Optional)),
            Expect("ArmUrl", "System.Uri", None, (AllSets, Optional)),
            Expect("MaxRequestsPerSecond", "System.Double", None, (AllSets, Optional)),
            Expect("Name", String, new[] { "WorkspaceName" }, (Name, Mandatory | ByPropertyName)),
            Expect("NoWait", Switch, None, (AllSets, Optional)),
            Expect("RemoveLegacyContributor", Switch, None, (AllSets, Optional)),
            Expect("ResourceGroupName", String, None, (Name, Mandatory | ByPropertyName)),
            Expect("ResourceId", String, new[] { "Id" }, (ResourceId, Mandatory | ByPropertyName)),
            Expect("Role", "AmlRbac.WorkspaceIdentity.WorkspaceRole", None, (AllSets, Optional)),
            Expect("SubscriptionId", String, None, (Name, ByPropertyName)),
            Expect("TimeoutSeconds", "System.Int32", None, (AllSets, Optional)),
        };

        AssertParameters("Set-AmlWorkspaceIdentityRole", expected);
    }

    [Fact]
    public void Set_AmlWorkspaceIdentityRole_changes_Azure_so_it_asks_first()
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == "Set-AmlWorkspaceIdentityRole");
        var attribute = ModuleFiles.Attributes(type, "CmdletAttribute").Single();

        Assert.True(ModuleFiles.Named<bool>(attribute, "SupportsShouldProcess"));
        // ConfirmImpact.High is 3 (System.Management.Automation.ConfirmImpact: None, Low, Medium, High).
        Assert.Equal(3, ModuleFiles.Named<int>(attribute, "ConfirmImpact"));
    }

    [Fact]
    public void TimeoutSeconds_is_bounded_and_Role_takes_the_two_roles()
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == "Set-AmlWorkspaceIdentityRole");
        var range = Assert.Single(ModuleFiles.Attributes(type.GetProperty("TimeoutSeconds")!, "ValidateRangeAttribute"));
        Assert.Equal(new object?[] { 0, 3600 }, range.ConstructorArguments.Select(a => a.Value));
        Assert.Equal(new[] { "AzureAIAdministrator", "Contributor" }, type.GetProperty("Role")!.PropertyType.GetEnumNames());
    }

    [Fact]
    public void Catalog_name_parameters_complete_from_the_catalog()
    {
        var completers = ModuleFiles.CmdletTypes
            .SelectMany(t => t.GetProperties()
                // A switch takes no name (Compare-AmlRbacSnapshot -Activity narrows the comparison to activities).
                .Where(p => p.Name is "Activity" or "ExcludeActivity" or "Template" or "Action" or "RoleName" or "ReferenceRole" && p.PropertyType.Name != "SwitchParameter").Select(p => (Command: ModuleFiles.CommandName(t), Property: p)))
            .Select(x => $"{x.Command} -{x.Property.Name}: " + string.Join(",", ModuleFiles.Attributes(x.Property, "ArgumentCompleterAttribute")
                .Select(a => ((Type)a.ConstructorArguments[0].Value!).FullName)))
            .OrderBy(s => s, StringComparer.Ordinal);

        Assert.Equal(new[]
        {
            "Assert-AmlPermission -Action: AmlRbac.PowerShell.ActionCompleter",
            "Assert-AmlPermission -Activity: AmlRbac.PowerShell.ActivityCompleter",
            "Assert-AmlPermission -RoleName: AmlRbac.PowerShell.RoleNameCompleter",
            "Get-AmlEffectiveAccess -Action: AmlRbac.PowerShell.ActionCompleter",
            "Get-AmlEffectiveAccess -Activity: AmlRbac.PowerShell.ActivityCompleter",
            "New-AmlCustomRole -Action: AmlRbac.PowerShell.ActionCompleter",
            "New-AmlCustomRole -Activity: AmlRbac.PowerShell.ActivityCompleter",
            "New-AmlCustomRole -ExcludeActivity: AmlRbac.PowerShell.ActivityCompleter",
            "New-AmlCustomRole -ReferenceRole: AmlRbac.PowerShell.RoleNameCompleter",
            "New-AmlCustomRole -Template: AmlRbac.PowerShell.TemplateCompleter",
            "Test-AmlPermission -Action: AmlRbac.PowerShell.ActionCompleter",
            "Test-AmlPermission -Activity: AmlRbac.PowerShell.ActivityCompleter",
            "Test-AmlPermission -RoleName: AmlRbac.PowerShell.RoleNameCompleter",
        }, completers);
    }

    [Fact]
    public void Endpoints_and_tokens_reject_null_wherever_they_are_taken()
    {
        var validated = ModuleFiles.CmdletTypes
            .SelectMany(t => t.GetProperties().Where(p => p.Name is "AccessToken" or "GraphAccessToken" or "ArmUrl" or "GraphUrl").Select(p => (Command: ModuleFiles.CommandName(t), Property: p)))
            .Select(x => $"{x.Command} -{x.Property.Name}: " + ModuleFiles.Attributes(x.Property, "ValidateNotNullAttribute").Count())
            .OrderBy(s => s, StringComparer.Ordinal);

        Assert.Equal(new[]
        {
            "Assert-AmlPermission -AccessToken: 1",
            "Assert-AmlPermission -ArmUrl: 1",
            "Assert-AmlPermission -GraphAccessToken: 1",
            "Assert-AmlPermission -GraphUrl: 1",
            "Export-AmlAccessReport -AccessToken: 1",
            "Export-AmlAccessReport -ArmUrl: 1",
            "Export-AmlAccessReport -GraphAccessToken: 1",
            "Export-AmlAccessReport -GraphUrl: 1",
            "Export-AmlRbacSnapshot -AccessToken: 1",
            "Export-AmlRbacSnapshot -ArmUrl: 1",
            "Export-AmlRbacSnapshot -GraphAccessToken: 1",
            "Export-AmlRbacSnapshot -GraphUrl: 1",
            "Get-AmlAccessEstate -AccessToken: 1",
            "Get-AmlAccessEstate -ArmUrl: 1",
            "Get-AmlAccessEstate -GraphAccessToken: 1",
            "Get-AmlAccessEstate -GraphUrl: 1",
            "Get-AmlEffectiveAccess -AccessToken: 1",
            "Get-AmlEffectiveAccess -ArmUrl: 1",
            "Get-AmlEffectiveAccess -GraphAccessToken: 1",
            "Get-AmlEffectiveAccess -GraphUrl: 1",
            "Set-AmlWorkspaceIdentityRole -AccessToken: 1",
            "Set-AmlWorkspaceIdentityRole -ArmUrl: 1",
            "Test-AmlPermission -AccessToken: 1",
            "Test-AmlPermission -ArmUrl: 1",
            "Test-AmlPermission -GraphAccessToken: 1",
            "Test-AmlPermission -GraphUrl: 1",
            "Test-AmlWorkspacePosture -AccessToken: 1",
            "Test-AmlWorkspacePosture -ArmUrl: 1",
            "Test-AmlWorkspacePosture -GraphAccessToken: 1",
            "Test-AmlWorkspacePosture -GraphUrl: 1",
        }, validated);
    }

    [Fact]
    public void SnapshotPath_supports_wildcards_and_LiteralSnapshotPath_does_not()
    {
        foreach (var type in ModuleFiles.CmdletTypes.Where(t => t.GetProperty("SnapshotPath") is not null))
        {
            Assert.Single(ModuleFiles.Attributes(type.GetProperty("SnapshotPath")!, "SupportsWildcardsAttribute"));
            Assert.Empty(ModuleFiles.Attributes(type.GetProperty("LiteralSnapshotPath")!, "SupportsWildcardsAttribute"));
        }
    }

    [Fact]
    public void New_AmlCustomRole_Path_supports_wildcards_and_LiteralPath_does_not()
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == "New-AmlCustomRole");

        Assert.Single(ModuleFiles.Attributes(type.GetProperty("Path")!, "SupportsWildcardsAttribute"));
        Assert.Empty(ModuleFiles.Attributes(type.GetProperty("LiteralPath")!, "SupportsWildcardsAttribute"));
    }

    private static void AssertParameters(string command, IEnumerable<CmdletParameter> expected)
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command);
        Assert.Equal(
            expected.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.ToString()),
            CmdletParameter.Of(type).Select(p => p.ToString()));
    }
}
