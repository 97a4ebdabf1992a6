using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsentWording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConsentPurpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ActionTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicForms_ActionTypes_ActionTypeId",
                        column: x => x.ActionTypeId,
                        principalTable: "ActionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConstituentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Match = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PendingDetails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConfirmationTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_PublicForms_FormId",
                        column: x => x.FormId,
                        principalTable: "PublicForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConfirmationTokenHash",
                table: "FormSubmissions",
                column: "ConfirmationTokenHash",
                unique: true,
                filter: "[ConfirmationTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConstituentId",
                table: "FormSubmissions",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_EmailKey_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "EmailKey", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_FormId_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "FormId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_ActionTypeId",
                table: "PublicForms",
                column: "ActionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_CreatedById",
                table: "PublicForms",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_EventId",
                table: "PublicForms",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_Slug",
                table: "PublicForms",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "PublicForms");
        }
    }
}
