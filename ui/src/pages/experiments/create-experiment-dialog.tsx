import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { InlineError } from '../../components/states.js';
import { links } from '../../links.js';

/** The "Create experiment" form; on success it opens the new experiment. */
export function CreateExperimentDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [artifactLocation, setArtifactLocation] = useState('');
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => {
      const location = artifactLocation.trim();
      return api.experiments.createExperiment(name.trim(), location ? { artifactLocation: location } : {});
    },
    onSuccess: async (experimentId) => {
      await queryClient.invalidateQueries({ queryKey: ['experiments'] });
      navigate(links.experiment(experimentId));
    },
  });
  return (
    <Dialog
      title="Create experiment"
      submitLabel="Create"
      onClose={onClose}
      onSubmit={() => create.mutate()}
      submitDisabled={!name.trim()}
      busy={create.isPending}
    >
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
      </label>
      <label className="field">
        <span>
          Artifact location <span className="muted">(optional)</span>
        </span>
        <input
          value={artifactLocation}
          onChange={(e) => setArtifactLocation(e.target.value)}
          placeholder="Server default"
          autoComplete="off"
        />
      </label>
      {/* The server's own words, e.g. RESOURCE_ALREADY_EXISTS for a taken name. */}
      <InlineError error={create.error} />
    </Dialog>
  );
}
