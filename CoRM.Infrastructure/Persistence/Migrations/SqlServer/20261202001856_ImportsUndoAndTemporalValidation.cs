using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ImportsUndoAndTemporalValidation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "TemporalAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemporalSplit",
                table: "RiskModelRuns",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneAt",
                table: "MergeRecords",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UndoneById",
                table: "MergeRecords",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Constituents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Constituents",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SavedImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Importer = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Columns = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedImportMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_ExternalId",
                table: "Constituents",
                column: "ExternalId",
                unique: true,
                filter: "[ExternalId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SavedImportMappings_Importer_Source",
                table: "SavedImportMappings",
                columns: new[] { "Importer", "Source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedImportMappings");

            migrationBuilder.DropIndex(
                name: "IX_Constituents_ExternalId",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "TemporalAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalSplit",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "UndoneAt",
                table: "MergeRecords");

            migrationBuilder.DropColumn(
                name: "UndoneById",
                table: "MergeRecords");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Constituents");
        }
    }
}
