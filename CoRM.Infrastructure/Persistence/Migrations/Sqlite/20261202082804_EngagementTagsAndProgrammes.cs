using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngagementTagsAndProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "PublicForms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "GivingEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TagId",
                table: "EngagementRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 180, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSeries_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConstituentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TaggedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonTags_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonTags_Constituents_TaggedById",
                        column: x => x.TaggedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonTags_EngagementRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "EngagementRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PersonTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_SeriesId",
                table: "PublicForms",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_GivingEvents_SeriesId",
                table: "GivingEvents",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_TagId",
                table: "EngagementRules",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSeries_CreatedById",
                table: "EventSeries",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_ConstituentId",
                table: "PersonTags",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_RuleId",
                table: "PersonTags",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_TaggedById",
                table: "PersonTags",
                column: "TaggedById");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_TagId_ConstituentId",
                table: "PersonTags",
                columns: new[] { "TagId", "ConstituentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tags_Name",
                table: "Tags",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_EngagementRules_Tags_TagId",
                table: "EngagementRules",
                column: "TagId",
                principalTable: "Tags",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_GivingEvents_EventSeries_SeriesId",
                table: "GivingEvents",
                column: "SeriesId",
                principalTable: "EventSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PublicForms_EventSeries_SeriesId",
                table: "PublicForms",
                column: "SeriesId",
                principalTable: "EventSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EngagementRules_Tags_TagId",
                table: "EngagementRules");

            migrationBuilder.DropForeignKey(
                name: "FK_GivingEvents_EventSeries_SeriesId",
                table: "GivingEvents");

            migrationBuilder.DropForeignKey(
                name: "FK_PublicForms_EventSeries_SeriesId",
                table: "PublicForms");

            migrationBuilder.DropTable(
                name: "EventSeries");

            migrationBuilder.DropTable(
                name: "PersonTags");

            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropIndex(
                name: "IX_PublicForms_SeriesId",
                table: "PublicForms");

            migrationBuilder.DropIndex(
                name: "IX_GivingEvents_SeriesId",
                table: "GivingEvents");

            migrationBuilder.DropIndex(
                name: "IX_EngagementRules_TagId",
                table: "EngagementRules");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "PublicForms");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "GivingEvents");

            migrationBuilder.DropColumn(
                name: "TagId",
                table: "EngagementRules");
        }
    }
}
