using System.CommandLine;
using AmlRbac.Catalog;
using AmlRbac.Output;

namespace AmlRbac.Cli.Commands;

/// <summary>amlrbac catalog roles|activities|operations|templates: what AmlRbac knows with no tenant, to find the names to type.</summary>
internal static class CatalogCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("catalog", "What AmlRbac knows with no tenant: built-in roles, activities, operations and custom role templates.");
        command.Subcommands.Add(Listing(terminal, "roles", "Every built-in role, with its id (JSON) and former names.",
            c => CatalogText.Roles(c.BuiltInRoles, terminal.Width), c => CatalogJson.Roles(c.BuiltInRoles, c.RoleAliases)));
        command.Subcommands.Add(Listing(terminal, "activities", "The activities --activity takes, with the least scope they need.",
            c => CatalogText.Activities(c.Activities, terminal.Width), c => CatalogJson.Activities(c.Activities)));
        command.Subcommands.Add(Listing(terminal, "operations", "The operations --action takes, control and data, of every provider the catalog lists, with where Azure checks those it checks only at the subscription or tenant.",
            c => CatalogText.Operations(c.Operations, terminal.Width), c => CatalogJson.Operations(c.Operations)));
        command.Subcommands.Add(Listing(terminal, "templates", "The custom role templates 'role new --template' takes.",
            c => CatalogText.Templates(c.Templates, terminal.Width), c => CatalogJson.Templates(c.Templates)));
        return command;
    }

    // The catalog is read when a listing runs, not when the command line is parsed.
    private static Command Listing(Terminal terminal, string name, string description, Func<AmlCatalog, string> table, Func<AmlCatalog, string> json)
    {
        var format = CommonOptions.Format();
        var command = new Command(name, description) { format };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(format) == CommonOptions.Json)
            {
                terminal.Out.WriteLine(json(AmlCatalog.Default));
            }
            else
            {
                terminal.Out.Write(table(AmlCatalog.Default));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
