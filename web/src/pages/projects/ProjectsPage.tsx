// Placeholder until the screen lands.
export default function ProjectsPage() {
  return <div>ProjectsPage</div>;
}
