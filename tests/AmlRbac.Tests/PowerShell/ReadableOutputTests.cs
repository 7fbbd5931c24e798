using System.Collections;
using System.Reflection;
using Xunit;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// What Export-Csv (each property's .NET ToString) and ConvertTo-Json (an enum as its number, a nested object
/// past -Depth as its ToString) make of the cmdlets' output: every object a cmdlet writes, and every object in
/// it, is walked. A value is a name or a number, never an enum; a list is a ReadableList ("a; b"); a nested
/// object is one of the PowerShell output types and words itself in its own ToString, never a record's
/// "Type { ... }" or a type name. The Pester suite checks the same through real Export-Csv and ConvertTo-Json.
/// </summary>
public sealed class ReadableOutputTests
{
    private const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";

    public static TheoryData<string> Outputs => new()
    {
        "operation", "activity", "deployment", "role", "flat role", "model policy", "conversion",
    };

    private static object Output(string name) => name switch
    {
        "operation" => Decide(Contoso.Alice, Contoso.DevWorkspace, new[] { Contoso.ComputeWrite }, null),
        "activity" => Decide(Contoso.Alice, Contoso.ProdWorkspace, null, new[] { "CreateComputeCluster" }),
        "deployment" => AmlPermissionDecision.From(new PermissionQuestion(Contoso.Evaluator, null, new[] { "DeployModel" }, model: Falcon)
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace)).Single()),
        "role" => Role(RoleShape.Permissions),
        "flat role" => Role(RoleShape.Flat),
        "model policy" => AmlModelPolicy.From(new ModelPolicyRequest
        {
            Kind = ModelPolicyKind.RestrictToRegistry,
            Scope = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0",
            NotScopes = new[] { "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-sandbox" },
            AllowedRegistry = "azureml",
            RestrictedModels = new[] { Falcon },
        }.Build()),
        "conversion" => Conversion(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such output."),
    };

    private static AmlPermissionDecision Decide(string principal, string scope, string[]? actions, string[]? activities) =>
        AmlPermissionDecision.From(new PermissionQuestion(Contoso.Evaluator, actions, activities).AnswerFor(Subject.PrincipalAt(principal, scope)).Single());

    // Every piece of evidence: findings, a comparison with a reference role and a compaction.
    private static AmlRoleDefinition Role(RoleShape shape) => AmlRoleDefinition.From(new CustomRoleRequest
    {
        Builder = new RoleBuilder { Template = "DataScientist", AssignableScopes = new[] { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45" } },
        ReferenceRoleName = "AzureML Data Scientist",
        Compact = true,
        Shape = shape,
    }.Execute());

    private static AmlWorkspaceIdentityConversion Conversion() => AmlWorkspaceIdentityConversion.From(new WorkspaceConversion
    {
        WorkspaceId = Contoso.DevWorkspace,
        PrincipalId = "ea8cfcc0-2c85-4327-9662-b9534634ea3e",
        Role = WorkspaceRole.AzureAIAdministrator,
        CreatedAt = DateTimeOffset.Parse("2024-03-01T00:00:00Z"),
        BeforeRoles = new[] { "Contributor" },
        AfterRoles = new[] { "Azure AI Administrator" },
        LostOperations = new[] { "Microsoft.Resources/subscriptions/resourceGroups/delete", "Microsoft.Authorization/locks/write" },
        Steps = new[] { "PUT role assignment", "DELETE role assignment" },
        Status = ConversionStatus.Planned,
    });

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Every_value_in_the_output_is_a_name_a_readable_list_or_an_object_that_words_itself(string name)
    {
        var problems = new List<string>();

        Walk(Output(name), name, problems, new HashSet<object>(ReferenceEqualityComparer.Instance));

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void No_ToString_in_the_output_is_a_type_name_or_a_record_dump(string name)
    {
        var texts = new List<(string Path, string Text)>();
        Texts(Output(name), name, texts);

        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => t.Text.Contains("System.", StringComparison.Ordinal) || t.Text.Contains("AmlRbac.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t.Text, @"\b[A-Z]\w+ \{ \w+ = "));
    }

    [Fact]
    public void A_list_reads_as_its_items_joined_by_semicolons()
    {
        Assert.Equal("a; b; c", new ReadableList<string>(new[] { "a", "b", "c" }).ToString());
        Assert.Equal(string.Empty, new ReadableList<string>().ToString());
    }

    [Fact]
    public void A_decision_reads_as_its_outcome_and_what_was_asked_and_its_reasons_as_sentences()
    {
        var activity = Decide(Contoso.Alice, Contoso.ProdWorkspace, null, new[] { "CreateComputeCluster" });
        var operation = Decide(Contoso.Alice, Contoso.DevWorkspace, new[] { Contoso.ComputeWrite }, null);

        Assert.Equal($"NotGranted {Contoso.ComputeWrite}", activity.Operations.ToString());
        Assert.Equal("NotGranted CreateComputeCluster", activity.ToString());
        Assert.StartsWith("Granted by role 'AzureML Compute Operator' at " + Contoso.DevWorkspace, operation.Reasons.ToString());
        Assert.Equal(new[] { "Grant", "ExcludedByNotAction" }, operation.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_deployment_reads_its_policy_reasons_as_sentences_and_its_kinds_as_names()
    {
        var decision = (AmlPermissionDecision)Output("deployment");

        var policy = Assert.Single(decision.PolicyReasons);
        Assert.Equal(("PolicyDeny", "Policy"), (policy.Kind, policy.Layer));
        Assert.StartsWith("Denied by assignment 'Model deployments only from registry azureml'", policy.ToString());
        Assert.Equal("Allowed", decision.RbacDecision);
    }

    [Fact]
    public void A_role_reads_its_evidence_in_sentences()
    {
        var role = (AmlRoleDefinition)Output("role");

        Assert.Matches(@"^'Data Scientist Custom' compared with 'AzureML Data Scientist' over \d+ catalog operations: \d+ in both, \d+ only in 'Data Scientist Custom', \d+ only in 'AzureML Data Scientist'\.$",
            role.Comparison!.ToString());
        Assert.StartsWith("Compact: ", role.Compaction!.ToString());
        Assert.All(role.Findings, f => Assert.Contains(f.Severity, new[] { "Information", "Warning", "Error" }));
        Assert.StartsWith("Actions: Microsoft.MachineLearningServices/", role.Permissions![0].ToString());
        Assert.Equal(role.Permissions[0].Actions.Count, role.Permissions[0].Actions.ToString()!.Split("; ").Length);
    }

    [Fact]
    public void Policy_parameters_read_as_name_equals_value()
    {
        var policy = (AmlModelPolicy)Output("model policy");

        Assert.Equal($"allowedRegistryName=azureml; effect=Deny; restrictedModels={Falcon}", policy.PolicyParameterObject.ToString());
        Assert.Equal("azureml", policy.PolicyParameterObject["ALLOWEDREGISTRYNAME"]);
    }

    [Fact]
    public void A_conversion_reads_its_status_and_role_as_names()
    {
        var conversion = (AmlWorkspaceIdentityConversion)Output("conversion");

        Assert.Equal(("Planned", "AzureAIAdministrator"), (conversion.Status, conversion.Role));
        Assert.Equal("Microsoft.Resources/subscriptions/resourceGroups/delete; Microsoft.Authorization/locks/write", conversion.LostOperations.ToString());
    }

    [Theory]
    [InlineData(typeof(AmlReason), typeof(Reason))]
    [InlineData(typeof(AmlPolicyReason), typeof(PolicyReason))]
    [InlineData(typeof(AmlRoleFinding), typeof(RoleFinding))]
    [InlineData(typeof(AmlRoleComparison), typeof(RoleComparison))]
    [InlineData(typeof(AmlRoleCompaction), typeof(RoleCompaction))]
    [InlineData(typeof(AmlCompactedEntry), typeof(CompactedEntry))]
    public void A_nested_output_type_has_the_property_names_of_the_engine_record_it_shows(Type shown, Type engine)
    {
        Assert.Equal(Names(engine), Names(shown));
    }

    private static IEnumerable<string> Names(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);

    private static void Walk(object? value, string path, List<string> problems, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or bool or int or DateTimeOffset:
                return;
            case Enum:
                problems.Add($"{path} is the enum {value.GetType().Name} (ConvertTo-Json writes {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)})");
                return;
            case ParameterTable:
                return;
            case IDictionary:
                problems.Add($"{path} is a {value.GetType().Name}, whose ToString is its type name");
                return;
            case IEnumerable items:
                if (!value.GetType().IsGenericType || value.GetType().GetGenericTypeDefinition() != typeof(ReadableList<>))
                {
                    problems.Add($"{path} is a {value.GetType().Name}, whose ToString is its type name");
                }
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", problems, seen);
                }
                return;
        }
        if (!seen.Add(value))
        {
            problems.Add($"{path} refers back to an object already in the output");
            return;
        }
        var type = value.GetType();
        if (type.Namespace != typeof(AmlPermissionDecision).Namespace)
        {
            problems.Add($"{path} is a {type.FullName}, not one of the PowerShell output types");
        }
        if (path.Contains('.', StringComparison.Ordinal) && type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != type)
        {
            problems.Add($"{path} ({type.Name}) is nested and has no ToString of its own");
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.GetValue(value), $"{path}.{property.Name}", problems, seen);
        }
    }

    // What Export-Csv writes for each property of each object: its ToString.
    private static void Texts(object? value, string path, List<(string, string)> texts)
    {
        if (value is null or string or bool or int or DateTimeOffset || value.GetType().IsEnum)
        {
            return;
        }
        texts.Add((path, value.ToString()!));
        if (value is IDictionary)
        {
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Texts(item, $"{path}[{i++}]", texts);
            }
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Texts(property.GetValue(value), $"{path}.{property.Name}", texts);
        }
    }
}
