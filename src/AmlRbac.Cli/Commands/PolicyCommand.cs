using System.CommandLine;
using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Output;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac policy new: an Azure Policy assignment that governs which models may be deployed (built-in 19539b54 with
/// --allowed-registry, built-in 12e5dd16 with --allowed-publisher / --allowed-asset-id, or the Model Catalog
/// curation blog's custom allow-list [SEED2] with --allowed-model), with the commands that create it. It creates
/// nothing in Azure; --out-file writes the parameters file and, for --allowed-model, --definition-out-file the
/// custom definition (an explicit option rather than a file guessed beside --out-file, so nothing is written under
/// a name the user did not give). With --posture (and --rule), it is instead the initiative of built-in Machine
/// Learning definitions that enforces the workspace posture, with its assignment.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("policy", "Azure Policy guardrails for model deployments and the workspace posture.");
        command.Subcommands.Add(New(terminal));
        return command;
    }

    private static Command New(Terminal terminal)
    {
        var allowedRegistry = new Option<string>("--allowed-registry")
        {
            Description = "Built-in 19539b54: the one registry models may be deployed from (\"\" blocks every registry model, the built-in's default).",
            HelpName = "REGISTRY",
        };
        var restrictedModels = Many("--restricted-model", "ASSET-ID", "With --allowed-registry: a model asset id that stays blocked, repeated.");
        var allowedPublishers = Many("--allowed-publisher", "PUBLISHER", "Built-in 12e5dd16: a publisher whose registry models may be deployed, repeated.");
        var allowedAssetIds = Many("--allowed-asset-id", "ASSET-ID", "Built-in 12e5dd16: an asset id, or its beginning, that may be deployed, repeated.");
        var allowedModels = Many("--allowed-model", "ASSET-ID", "The Model Catalog curation blog's custom allow-list definition (see the warning it prints): a full asset id that may be deployed, repeated.");
        var posture = new Option<bool>("--posture")
        {
            Description = "Not a model guardrail: the initiative of built-in Machine Learning policies that enforces the workspace posture (customer-managed key, no public access, private link, managed network, logs, compute local auth, VNet, idle shutdown), and its assignment.",
        };
        var rules = Many("--rule", "RULE", "With --posture: the id of a rule to enforce (AMLP001 ...), repeated; default every rule that a built-in policy audits or denies.");
        var definitionScope = new Option<string>("--definition-scope")
        {
            Description = "With --allowed-model or --posture: the management group or subscription the custom definition or initiative is saved at (default: the subscription of --scope).",
            HelpName = "SCOPE",
        };
        var scope = CommonOptions.Scope("Where the assignment goes: a management group, subscription or resource group.");
        scope.Required = true;
        var name = new Option<string>("--name") { Description = "The assignment's name (the last segment of its id).", HelpName = "NAME" };
        var displayName = new Option<string>("--display-name") { Description = "The assignment's display name.", HelpName = "TEXT" };
        var notScopes = Many("--not-scope", "SCOPE", "A scope below --scope the assignment leaves out, repeated.");
        var effect = new Option<string>("--effect") { Description = "The effect.", DefaultValueFactory = _ => "Deny" };
        effect.AcceptOnlyFromAmong("Deny", "Audit", "Disabled");
        var enforcementMode = new Option<string>("--enforcement-mode") { Description = "Default enforces; DoNotEnforce only reports.", DefaultValueFactory = _ => nameof(EnforcementMode.Default) };
        enforcementMode.AcceptOnlyFromAmong(nameof(EnforcementMode.Default), nameof(EnforcementMode.DoNotEnforce));
        var outFile = new Option<string>("--out-file")
        {
            Description = "Write the parameters file (what az policy assignment create --params and New-AzPolicyAssignment -PolicyParameter take) here.",
            HelpName = "FILE",
        };
        var definitionOutFile = new Option<string>("--definition-out-file")
        {
            Description = "With --allowed-model or --posture: write the custom definition or initiative (the body az rest --body @FILE sends) here. With --out-file, both are written or neither.",
            HelpName = "FILE",
        };
        var format = CommonOptions.Format();

        var command = new Command("new", "An Azure Policy assignment that governs which models may be deployed, or (--posture) that enforces the workspace posture, as JSON the Azure CLI and Az PowerShell take, with the commands that create it.")
        {
            allowedRegistry, restrictedModels, allowedPublishers, allowedAssetIds, allowedModels, definitionScope,
            scope, name, displayName, notScopes, effect, enforcementMode, outFile, definitionOutFile, format, posture, rules,
        };
        // Each input that says the kind, or goes with one kind only, as the engine's rule names it.
        var kindInputs = new Dictionary<ModelPolicyInput, Option>
        {
            [ModelPolicyInput.AllowedRegistry] = allowedRegistry,
            [ModelPolicyInput.RestrictedModel] = restrictedModels,
            [ModelPolicyInput.AllowedPublisher] = allowedPublishers,
            [ModelPolicyInput.AllowedAssetId] = allowedAssetIds,
            [ModelPolicyInput.AllowedModel] = allowedModels,
            [ModelPolicyInput.DefinitionScope] = definitionScope,
            [ModelPolicyInput.DefinitionOutFile] = definitionOutFile,
            [ModelPolicyInput.Posture] = posture,
            [ModelPolicyInput.Rule] = rules,
        };
        command.SetAction(parsed =>
        {
            var given = kindInputs.Where(i => parsed.GetResult(i.Value) is { Implicit: false }).Select(i => i.Key).ToList();
            AuthoredPolicy policy = PosturePolicyRequest.IsAskedFor(given, i => kindInputs[i].Name)
                ? new PosturePolicyRequest
                {
                    Scope = parsed.GetValue(scope)!,
                    Rules = parsed.GetValue(rules) ?? Array.Empty<string>(),
                    DefinitionScope = parsed.GetValue(definitionScope),
                    Name = parsed.GetValue(name),
                    DisplayName = parsed.GetValue(displayName),
                    NotScopes = parsed.GetValue(notScopes) ?? Array.Empty<string>(),
                    Effect = parsed.GetValue(effect)!,
                    EnforcementMode = Enum.Parse<EnforcementMode>(parsed.GetValue(enforcementMode)!),
                }.Build()
                : ModelGuardrail(parsed, given);
            var file = parsed.GetValue(outFile);
            var definitionFile = parsed.GetValue(definitionOutFile);
            policy.WriteFiles(file, definitionFile);
            foreach (var warning in policy.Warnings)
            {
                terminal.Error.WriteLine("warning: " + warning);
            }
            if (parsed.GetValue(format) == CommonOptions.Json)
            {
                terminal.Out.WriteLine(ModelPolicyJson.Serialize(policy));
            }
            else
            {
                terminal.Out.Write(ModelPolicyText.Render(policy, file, definitionFile));
            }
            return ExitCodes.Success;
        });
        return command;

        ModelPolicy ModelGuardrail(ParseResult parsed, IReadOnlyList<ModelPolicyInput> given)
        {
            var request = new ModelPolicyRequest
            {
                Kind = ModelPolicyRequest.KindFor(given, i => kindInputs[i].Name),
                Scope = parsed.GetValue(scope)!,
                AllowedRegistry = parsed.GetValue(allowedRegistry) ?? "",
                RestrictedModels = parsed.GetValue(restrictedModels) ?? Array.Empty<string>(),
                AllowedPublishers = parsed.GetValue(allowedPublishers) ?? Array.Empty<string>(),
                AllowedAssetIds = parsed.GetValue(allowedAssetIds) ?? Array.Empty<string>(),
                AllowedModels = parsed.GetValue(allowedModels) ?? Array.Empty<string>(),
                DefinitionScope = parsed.GetValue(definitionScope),
                Name = parsed.GetValue(name),
                DisplayName = parsed.GetValue(displayName),
                NotScopes = parsed.GetValue(notScopes) ?? Array.Empty<string>(),
                Effect = parsed.GetValue(effect)!,
                EnforcementMode = Enum.Parse<EnforcementMode>(parsed.GetValue(enforcementMode)!),
            };
            return request.Build();
        }
    }

    // Repeated, one value per occurrence: asset ids and scopes hold no separator a list could split on safely.
    private static Option<string[]> Many(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };
}
