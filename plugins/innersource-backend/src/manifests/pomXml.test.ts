import { parsePomXml } from './pomXml';

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.acme.platform</groupId>
    <artifactId>acme-parent</artifactId>
    <version>3.2.0</version>
  </parent>
  <groupId>
    com.acme.payments
  </groupId>
  <artifactId>payments-core</artifactId>
  <version>1.4.0-SNAPSHOT</version>
  <properties>
    <shared.group>com.acme.shared</shared.group>
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-dependencies</artifactId>
        <version>3.3.0</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <!-- <dependency><groupId>com.old</groupId><artifactId>gone</artifactId></dependency> -->
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>payments-api</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>\${shared.group}</groupId>
      <artifactId><![CDATA[shared-logging]]></artifactId>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <dependencies>
          <dependency>
            <groupId>org.junit.platform</groupId>
            <artifactId>junit-platform-surefire-provider</artifactId>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>

  <profiles>
    <profile>
      <id>postgres</id>
      <dependencies>
        <dependency>
          <groupId>org.postgresql</groupId>
          <artifactId>postgresql</artifactId>
          <scope>runtime</scope>
        </dependency>
      </dependencies>
    </profile>
  </profiles>
</project>
`;

describe('parsePomXml', () => {
  it('reads the coordinates and the dependencies, leaving out build plugins', () => {
    expect(parsePomXml('services/payments/pom.xml', POM)).toEqual({
      file: 'services/payments/pom.xml',
      ecosystem: 'maven',
      publishes: 'com.acme.payments:payments-core',
      dependencies: [
        { ecosystem: 'maven', name: 'com.acme.payments:payments-api' },
        { ecosystem: 'maven', name: 'com.acme.shared:shared-logging' },
        {
          ecosystem: 'maven',
          name: 'org.junit.jupiter:junit-jupiter',
          scope: 'test',
        },
        {
          ecosystem: 'maven',
          name: 'org.springframework.boot:spring-boot-dependencies',
          scope: 'managed',
        },
        {
          ecosystem: 'maven',
          name: 'org.postgresql:postgresql',
          scope: 'runtime',
        },
      ],
      problems: [],
    });
  });

  it("falls back to the parent's groupId", () => {
    const manifest = parsePomXml(
      'pom.xml',
      `<project>
        <parent><groupId>com.acme</groupId><artifactId>parent</artifactId></parent>
        <artifactId>child</artifactId>
        <dependencies>
          <dependency>
            <groupId>\${project.groupId}</groupId><artifactId>sibling</artifactId>
          </dependency>
        </dependencies>
      </project>`,
    );
    expect(manifest.publishes).toBe('com.acme:child');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'maven', name: 'com.acme:sibling' },
    ]);
    expect(manifest.problems).toEqual([]);
  });

  it('reports incomplete coordinates and unresolved properties', () => {
    const manifest = parsePomXml(
      'pom.xml',
      `<project>
        <artifactId>lonely</artifactId>
        <dependencies>
          <dependency><artifactId>no-group</artifactId></dependency>
          <dependency><groupId>\${revision.group}</groupId><artifactId>x</artifactId></dependency>
        </dependencies>
      </project>`,
    );
    expect(manifest.publishes).toBeUndefined();
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'maven', name: '${revision.group}:x' },
    ]);
    expect(manifest.problems).toEqual([
      'the project lonely has no groupId',
      'a dependency no-group has no groupId',
      'a dependency ${revision.group}:x: cannot resolve ${revision.group}',
    ]);
  });

  it('reads what it can from an unclosed tag', () => {
    const manifest = parsePomXml(
      'pom.xml',
      `<project>
  <groupId>com.acme</groupId>
  <artifactId>truncated</artifactId>
  <dependencies>
    <dependency>
      <groupId>com.acme</groupId>
      <artifactId>kept</artifactId>
    </dependency>
    <dependency>
      <groupId>com.acme`,
    );
    expect(manifest.publishes).toBe('com.acme:truncated');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'maven', name: 'com.acme:kept' },
    ]);
    expect(manifest.problems).toEqual([
      '<project> (opened on line 1) is never closed',
      '<dependencies> (opened on line 4) is never closed',
      '<dependency> (opened on line 9) is never closed',
      '<groupId> (opened on line 10) is never closed',
      'a dependency has no artifactId',
    ]);
  });

  it('rejects a document that is not a POM', () => {
    expect(parsePomXml('pom.xml', '<settings/>').problems).toEqual([
      'expected a <project> root element, found <settings>',
    ]);
    expect(parsePomXml('pom.xml', 'not xml at all').problems).toEqual([
      'line 1: text outside the root element',
      'no root element',
    ]);
  });

  it('stops substituting a property that refers to itself', () => {
    const manifest = parsePomXml(
      'pom.xml',
      `<project>
        <groupId>com.acme</groupId><artifactId>loop</artifactId>
        <properties><g>\${g}</g></properties>
        <dependencies>
          <dependency><groupId>\${g}</groupId><artifactId>x</artifactId></dependency>
        </dependencies>
      </project>`,
    );
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'maven', name: '${g}:x' },
    ]);
    expect(manifest.problems).toEqual([
      'a dependency ${g}:x: cannot resolve ${g}',
    ]);
  });
});
