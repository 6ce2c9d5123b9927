#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("saveAsTable takes .mode() anywhere earlier in the chain", "[python][writes]") {
  auto r = run(
      "df.write.mode(\"overwrite\").saveAsTable(\"prod_de.silver_billing.invoices\")\n");
  CHECK(r == V{"1:40 write prod_de.silver_billing.invoices overwrite saveAsTable"});
}

TEST_CASE("saveAsTable without mode is errorifexists", "[python][writes]") {
  auto r = run(
      "df.write.saveAsTable(\"prod_de.silver_billing.a\")\n");
  CHECK(r == V{"1:22 write prod_de.silver_billing.a errorifexists saveAsTable"});
}

TEST_CASE("option mode sets the write mode", "[python][writes]") {
  auto r = run(
      "df.write.format(\"delta\").option(\"mode\", \"append\").saveAsTable(\"prod_de.silver_billing.b\")\n");
  CHECK(r == V{"1:63 write prod_de.silver_billing.b append saveAsTable"});
}

TEST_CASE("mode on a variable that holds the writer", "[python][writes]") {
  auto r = run(
      "w = df.write.mode(\"overwrite\")\n"
      "w.saveAsTable(\"prod_de.silver_billing.c\")\n");
  CHECK(r == V{"2:15 write prod_de.silver_billing.c overwrite saveAsTable"});
}

TEST_CASE("multi-line chain with a name in a variable is reported at the method", "[python][writes]") {
  auto r = run(
      "(df.write\n"
      "   .format(\"delta\")\n"
      "   .mode(\"append\")\n"
      "   .saveAsTable(TARGET))\n");
  CHECK(r == V{"4:5 write {TARGET} append saveAsTable"});
}

TEST_CASE("saveAsTable mode keyword argument", "[python][writes]") {
  auto r = run(
      "df.write.saveAsTable(\"prod_de.silver_billing.kw\", mode=\"overwrite\")\n");
  CHECK(r == V{"1:22 write prod_de.silver_billing.kw overwrite saveAsTable"});
}

TEST_CASE("insertInto appends unless overwrite=True", "[python][writes]") {
  auto r = run(
      "df.write.insertInto(\"prod_de.silver_billing.d\")\n"
      "df.write.insertInto(\"prod_de.silver_billing.e\", overwrite=True)\n"
      "df.write.mode(\"overwrite\").insertInto(\"prod_de.silver_billing.f\")\n");
  CHECK(r == V{"1:21 write prod_de.silver_billing.d append insertInto", "2:21 write prod_de.silver_billing.e overwrite insertInto", "3:39 write prod_de.silver_billing.f overwrite insertInto"});
}

TEST_CASE("writeTo terminals give the mode", "[python][writes]") {
  auto r = run(
      "df.writeTo(\"prod_de.gold_billing.f\").append()\n"
      "df.writeTo(\"prod_de.gold_billing.g\").overwritePartitions()\n"
      "df.writeTo(\"prod_de.gold_billing.h\").using(\"delta\").create()\n"
      "df.writeTo(\"prod_de.gold_billing.i\").createOrReplace()\n"
      "df.writeTo(\"prod_de.gold_billing.j\").replace()\n");
  CHECK(r == V{"1:12 write prod_de.gold_billing.f append writeTo.append", "2:12 write prod_de.gold_billing.g overwrite writeTo.overwritePartitions", "3:12 write prod_de.gold_billing.h create writeTo.create", "4:12 write prod_de.gold_billing.i replace writeTo.createOrReplace", "5:12 write prod_de.gold_billing.j replace writeTo.replace"});
}

TEST_CASE("append() on a list is not a write", "[python][writes]") {
  auto r = run(
      "names = []\n"
      "names.append(\"prod_de.gold_billing.f\")\n");
  CHECK(r.empty());
}

TEST_CASE("writeStream toTable; the checkpoint location is not a table", "[python][writes]") {
  auto r = run(
      "q = df.writeStream.format(\"delta\").option(\"checkpointLocation\", \"/chk/k\").toTable(\"prod_de.silver_billing.k\")\n");
  CHECK(r == V{"1:83 write prod_de.silver_billing.k append toTable"});
}

TEST_CASE("save(path) is a path write", "[python][writes]") {
  auto r = run(
      "df.write.format(\"delta\").mode(\"overwrite\").save(\"/mnt/de/silver/l\")\n");
  CHECK(r == V{"1:49 write path /mnt/de/silver/l overwrite save"});
}

TEST_CASE("option path plus saveAsTable still writes the table", "[python][writes]") {
  auto r = run(
      "df.write.option(\"path\", \"/mnt/de/ext/m\").saveAsTable(\"prod_de.silver_billing.m\")\n");
  CHECK(r == V{"1:54 write prod_de.silver_billing.m errorifexists saveAsTable"});
}

TEST_CASE("option path plus save() writes the path", "[python][writes]") {
  auto r = run(
      "df.write.format(\"delta\").option(\"path\", \"/mnt/de/ext/n\").save()\n");
  CHECK(r == V{"1:41 write path /mnt/de/ext/n errorifexists save"});
}

TEST_CASE("writer format shortcuts are path writes", "[python][writes]") {
  auto r = run(
      "df.write.parquet(\"/mnt/de/out/o\")\n"
      "df.write.mode(\"append\").csv(\"/mnt/de/out/p\")\n");
  CHECK(r == V{"1:18 write path /mnt/de/out/o errorifexists parquet", "2:29 write path /mnt/de/out/p append csv"});
}

TEST_CASE("temp views, dbutils.fs and mlflow are not accesses", "[python][writes]") {
  auto r = run(
      "df.createOrReplaceTempView(\"tmp_view\")\n"
      "df.createTempView(\"tmp2\")\n"
      "df.createGlobalTempView(\"tmp3\")\n"
      "dbutils.fs.rm(\"/mnt/de/silver/l\", True)\n"
      "dbutils.fs.cp(\"/mnt/a\", \"/mnt/b\")\n"
      "mlflow.log_artifact(\"runs:/abc/model\")\n"
      "model = mlflow.pyfunc.load_model(\"models:/demand/Production\")\n");
  CHECK(r.empty());
}

TEST_CASE("DeltaTable merge: read at forName, merge write at .merge", "[python][writes]") {
  auto r = run(
      "from delta.tables import DeltaTable\n"
      "target = DeltaTable.forName(spark, \"prod_fr.silver_billing.invoices\")\n"
      "(target.alias(\"t\")\n"
      "    .merge(updates.alias(\"s\"), \"t.id = s.id\")\n"
      "    .whenMatchedUpdateAll()\n"
      "    .whenNotMatchedInsertAll()\n"
      "    .execute())\n");
  CHECK(r == V{"2:36 read prod_fr.silver_billing.invoices - forName", "4:6 write prod_fr.silver_billing.invoices merge merge"});
}

TEST_CASE("DeltaTable delete and update", "[python][writes]") {
  auto r = run(
      "DeltaTable.forName(spark, \"prod_fr.silver_billing.old\").delete(\"year < 2015\")\n"
      "DeltaTable.forPath(spark, \"/mnt/fr/silver/x\").update(\"id = 1\", {\"v\": \"2\"})\n");
  CHECK(r == V{"1:27 read prod_fr.silver_billing.old - forName", "1:57 write prod_fr.silver_billing.old delete delete", "2:27 read path /mnt/fr/silver/x - forPath", "2:47 write path /mnt/fr/silver/x update update"});
}

TEST_CASE("update() on a dict is not a write", "[python][writes]") {
  auto r = run(
      "cfg = {}\n"
      "cfg.update({\"table\": \"prod_fr.silver_billing.old\"})\n");
  CHECK(r.empty());
}

TEST_CASE("dlt.table without name uses the function name; @dlt.view is not a table", "[python][writes]") {
  auto r = run(
      "@dlt.view\n"
      "def staged():\n"
      "    return dlt.read(\"staged_raw\")\n"
      "@dlt.table\n"
      "def silver_meters():\n"
      "    return dlt.read(\"staged\")\n");
  CHECK(r == V{"3:21 read staged_raw - dlt.read", "5:5 write silver_meters - dlt.table"});
}

TEST_CASE("dp.table with a name and create_streaming_table", "[python][writes]") {
  auto r = run(
      "@dp.table(name=\"gold_consumption\", comment=\"x\")\n"
      "def gold():\n"
      "    return spark.read.table(\"LIVE.silver_meters\")\n"
      "dlt.create_streaming_table(\"silver_events\")\n");
  CHECK(r == V{"1:16 write gold_consumption - dp.table", "3:29 read LIVE.silver_meters - table", "4:28 write silver_events - dlt.create_streaming_table"});
}

TEST_CASE("a named @dlt.view is not read as a table", "[python][writes]") {
  auto r = run(
      "@dlt.view(name=\"v2\")\n"
      "def something():\n"
      "    return spark.table(\"prod.a.b\")\n"
      "x = dlt.read(\"v2\")\n");
  CHECK(r == V{"3:24 read prod.a.b - table"});
}

TEST_CASE("jdbc writes", "[python][writes]") {
  auto r = run(
      "df.write.jdbc(url, \"crm.customers\", mode=\"append\")\n");
  CHECK(r == V{"1:20 write crm.customers append jdbc"});
}

